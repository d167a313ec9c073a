package org.clausecam.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard and how politely fetches are made: retries, the per-host circuit breaker, per-host
 * politeness and the bound on browser pages in flight. {@link #defaults()} suits a scheduled run
 * against real sites; tests shorten the durations with the {@code with...} methods.
 *
 * @param maxAttempts          tries per document, the first included
 * @param initialBackoff       wait before the first retry; each later wait is multiplied
 * @param backoffMultiplier    factor between successive waits
 * @param jitter               randomisation of each wait, as a fraction of it (0.5 = ±50%)
 * @param maxBackoff           the longest wait computed by backoff alone
 * @param maxRetryAfter        the longest {@code Retry-After} honoured; a longer one is not retried
 * @param breakerWindow        attempts the per-host circuit breaker looks back on
 * @param breakerFailureRate   percentage of failed attempts in that window that opens the circuit
 * @param breakerOpenFor       how long an open circuit skips the host (default: the rest of a run)
 * @param maxInFlightPerHost   requests in flight at once to one host
 * @param minDelayPerHost      least time between one request to a host and the next one's start
 * @param maxPagesInFlight     browser pages in flight at once, all hosts together
 * @param maxWaitForPage       how long a browser fetch waits for a free page before failing
 */
public record FetchPolicySettings(
        int maxAttempts,
        Duration initialBackoff,
        double backoffMultiplier,
        double jitter,
        Duration maxBackoff,
        Duration maxRetryAfter,
        int breakerWindow,
        float breakerFailureRate,
        Duration breakerOpenFor,
        int maxInFlightPerHost,
        Duration minDelayPerHost,
        int maxPagesInFlight,
        Duration maxWaitForPage) {

    public FetchPolicySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (breakerWindow < 1) {
            throw new IllegalArgumentException("breakerWindow must be at least 1, was " + breakerWindow);
        }
        if (breakerFailureRate <= 0 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("breakerFailureRate must be in (0, 100], was " + breakerFailureRate);
        }
        if (maxInFlightPerHost < 1 || maxPagesInFlight < 1) {
            throw new IllegalArgumentException("in-flight bounds must be at least 1");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        Objects.requireNonNull(minDelayPerHost, "minDelayPerHost");
        Objects.requireNonNull(maxWaitForPage, "maxWaitForPage");
    }

    /**
     * Four tries 1 s, 2 s, 4 s apart (±50%); Retry-After honoured up to 2 min; a host whose last
     * five attempts failed 80% of the time is skipped for 30 min; one request in flight per host
     * and 1 s between requests to it; two browser pages in flight (the best throughput measured on
     * two cores, STACK.md §3).
     */
    public static FetchPolicySettings defaults() {
        return new FetchPolicySettings(4, Duration.ofSeconds(1), 2.0, 0.5, Duration.ofSeconds(30),
                Duration.ofMinutes(2), 5, 80f, Duration.ofMinutes(30),
                1, Duration.ofSeconds(1), 2, Duration.ofMinutes(10));
    }

    public FetchPolicySettings withRetries(int maxAttempts, Duration initialBackoff) {
        return new FetchPolicySettings(maxAttempts, initialBackoff, backoffMultiplier, jitter, maxBackoff,
                maxRetryAfter, breakerWindow, breakerFailureRate, breakerOpenFor, maxInFlightPerHost,
                minDelayPerHost, maxPagesInFlight, maxWaitForPage);
    }

    public FetchPolicySettings withMaxRetryAfter(Duration maxRetryAfter) {
        return new FetchPolicySettings(maxAttempts, initialBackoff, backoffMultiplier, jitter, maxBackoff,
                maxRetryAfter, breakerWindow, breakerFailureRate, breakerOpenFor, maxInFlightPerHost,
                minDelayPerHost, maxPagesInFlight, maxWaitForPage);
    }

    public FetchPolicySettings withBreaker(int window, float failureRate, Duration openFor) {
        return new FetchPolicySettings(maxAttempts, initialBackoff, backoffMultiplier, jitter, maxBackoff,
                maxRetryAfter, window, failureRate, openFor, maxInFlightPerHost,
                minDelayPerHost, maxPagesInFlight, maxWaitForPage);
    }

    public FetchPolicySettings withPoliteness(int maxInFlightPerHost, Duration minDelayPerHost) {
        return new FetchPolicySettings(maxAttempts, initialBackoff, backoffMultiplier, jitter, maxBackoff,
                maxRetryAfter, breakerWindow, breakerFailureRate, breakerOpenFor, maxInFlightPerHost,
                minDelayPerHost, maxPagesInFlight, maxWaitForPage);
    }

    public FetchPolicySettings withPagesInFlight(int maxPagesInFlight) {
        return new FetchPolicySettings(maxAttempts, initialBackoff, backoffMultiplier, jitter, maxBackoff,
                maxRetryAfter, breakerWindow, breakerFailureRate, breakerOpenFor, maxInFlightPerHost,
                minDelayPerHost, maxPagesInFlight, maxWaitForPage);
    }
}
