package org.clausecam.fetch;

import java.net.URI;

/**
 * A fetch that did not produce a usable document. Carries the URL and whether trying again
 * later may help, so that retries and run summaries can act on it.
 */
public class FetchException extends Exception {

    /** Why a fetch failed, as reported in records and run summaries. */
    public enum Kind {
        /** May succeed if tried again: connection errors, timeouts, 5xx, 429. */
        TRANSIENT,
        /** Will not succeed if tried again: 404, 410, a refused URL. */
        PERMANENT,
        /** A bot wall or challenge answered instead of the document. */
        BLOCKED,
        /** The document arrived but holds nothing to extract. */
        INACCESSIBLE_CONTENT
    }

    private final URI url;
    private final Kind kind;

    public FetchException(URI url, Kind kind, String message) {
        this(url, kind, message, null);
    }

    public FetchException(URI url, Kind kind, String message, Throwable cause) {
        super(url + ": " + message, cause);
        this.url = url;
        this.kind = kind;
    }

    public URI url() { return url; }

    public Kind kind() { return kind; }
}
