package org.clausecam.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A transient failure for which the server said when to come back ({@code Retry-After} on a 429
 * or 503), so that retries wait at least that long instead of hammering a host that asked us to
 * slow down.
 */
public class TransientHttpException extends FetchException {

    private final Duration retryAfter;

    /** @param retryAfter the delay the server asked for, or {@code null} when it gave none */
    public TransientHttpException(URI url, String message, Duration retryAfter) {
        this(url, message, retryAfter, null);
    }

    public TransientHttpException(URI url, String message, Duration retryAfter, Throwable cause) {
        super(url, Kind.TRANSIENT, message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
