package org.clausecam.extract;

/**
 * A service's filters failed on a page: their module does not load, a declared filter is not
 * defined, or a filter threw. The declaration's fault, not the page's: the message names the
 * filter and the location, and the caller names the filters file.
 */
public class FilterException extends ExtractionException {
    private static final long serialVersionUID = 1L;

    public FilterException(String message) {
        super(message);
    }

    public FilterException(String message, Throwable cause) {
        super(message, cause);
    }
}
