package org.clausecam.extract;

/** A snapshot could not be turned into a version; the message names the selector (or filter) and the location. */
public class ExtractionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
