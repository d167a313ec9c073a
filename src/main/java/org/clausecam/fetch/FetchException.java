package org.clausecam.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A fetch that did not produce a usable document. Carries the URL and whether trying again
 * later may help, so that retries and run summaries can act on it.
 */
public class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

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
    private final transient FetchedDocument answer;
    private final Duration retryAfter;

    public FetchException(URI url, Kind kind, String message) {
        this(url, kind, message, null);
    }

    public FetchException(URI url, Kind kind, String message, Throwable cause) {
        this(url, kind, message, cause, null, null);
    }

    /**
     * @param answer     the HTTP answer that was refused (e.g. a 403 challenge page), so that a
     *                   caller can judge it (bot wall?) or keep it as evidence; may be null
     * @param retryAfter the server's {@code Retry-After}, when it sent one; may be null
     */
    public FetchException(URI url, Kind kind, String message, Throwable cause,
                          FetchedDocument answer, Duration retryAfter) {
        super(url + ": " + message, cause);
        this.url = url;
        this.kind = kind;
        this.answer = answer;
        this.retryAfter = retryAfter;
    }

    public URI url() { return url; }

    public Kind kind() { return kind; }

    /** The non-2xx answer behind this failure, when there was one. */
    public Optional<FetchedDocument> answer() { return Optional.ofNullable(answer); }

    /** How long the server asked us to wait ({@code Retry-After} on 429/503), when it said. */
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

    /** The HTTP status of the refused answer, or 0 when no answer arrived. */
    public int status() { return answer == null ? 0 : answer.status(); }
}
