package org.clausecam.fetch;

import java.time.Duration;

/**
 * Pauses between accepts that keep failing (out of file descriptors): 10 ms doubling up to a
 * ceiling, back to none after a success, so a lasting error costs a few wake-ups a second
 * instead of a spinning core.
 */
final class AcceptBackoff {
    private static final long FIRST_MILLIS = 10;

    private final long maxMillis;
    private long nextMillis = FIRST_MILLIS;

    AcceptBackoff(Duration max) {
        this.maxMillis = Math.max(1, max.toMillis());
    }

    /** The pause after one more failure. */
    Duration afterFailure() {
        long pause = Math.min(nextMillis, maxMillis);
        nextMillis = Math.min(nextMillis * 2, maxMillis);
        return Duration.ofMillis(pause);
    }

    void afterSuccess() {
        nextMillis = FIRST_MILLIS;
    }
}
