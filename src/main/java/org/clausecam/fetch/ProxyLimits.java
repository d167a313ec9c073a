package org.clausecam.fetch;

import java.time.Duration;

/**
 * The bounds of a {@link GuardedProxy}: how long it waits for an origin to accept, how long a
 * connection may stay silent in both directions, how many connections it serves at once, and
 * how long it pauses at most when accepting keeps failing.
 *
 * @param connectTimeout   for the connection to the origin
 * @param idleTimeout      a connection with no byte in either direction for this long is closed
 *                         (a capture abandoned by its client, an origin that never answers);
 *                         longer than any fetch deadline, so that only connections nobody waits
 *                         for any more are cut. Idle worker threads end after it too.
 * @param maxConnections   connections served at once (each uses up to two threads); more are
 *                         answered 503 at once
 * @param maxAcceptBackoff the longest pause between failing accepts (no file descriptors left)
 */
public record ProxyLimits(Duration connectTimeout, Duration idleTimeout, int maxConnections, Duration maxAcceptBackoff) {

    public ProxyLimits {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive: " + idleTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("at least one connection: " + maxConnections);
        }
        if (maxAcceptBackoff.isNegative() || maxAcceptBackoff.isZero()) {
            throw new IllegalArgumentException("accept back-off must be positive: " + maxAcceptBackoff);
        }
    }

    /**
     * 10 s to connect; 3 minutes of silence, above the HTTP fetch deadline (60 s) and the
     * browser's navigation timeouts; 256 connections, Chromium's own limit on open sockets.
     */
    public static ProxyLimits defaults() {
        return new ProxyLimits(Duration.ofSeconds(10), Duration.ofMinutes(3), 256, Duration.ofSeconds(1));
    }

    public ProxyLimits withIdleTimeout(Duration idle) {
        return new ProxyLimits(connectTimeout, idle, maxConnections, maxAcceptBackoff);
    }

    public ProxyLimits withMaxConnections(int max) {
        return new ProxyLimits(connectTimeout, idleTimeout, max, maxAcceptBackoff);
    }
}
