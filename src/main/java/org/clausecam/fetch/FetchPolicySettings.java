package org.clausecam.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard and how politely fetches are made: retries, the per-host circuit breaker, per-host
 * politeness and the bound on browser pages in flight. {@link #defaults()} suits a scheduled run
 * against real sites; tests shorten the durations with a {@link #builder()}.
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
     * two cores, docs/benchmarks.md, "Chromium, measured").
     */
    public static FetchPolicySettings defaults() {
        return builder().build();
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.backoffMultiplier = backoffMultiplier;
        b.jitter = jitter;
        b.maxBackoff = maxBackoff;
        b.maxRetryAfter = maxRetryAfter;
        b.breakerWindow = breakerWindow;
        b.breakerFailureRate = breakerFailureRate;
        b.breakerOpenFor = breakerOpenFor;
        b.maxInFlightPerHost = maxInFlightPerHost;
        b.minDelayPerHost = minDelayPerHost;
        b.maxPagesInFlight = maxPagesInFlight;
        b.maxWaitForPage = maxWaitForPage;
        return b;
    }

    /** Settings built by what they govern (retries, breaker, politeness, pages); the rest keep their defaults. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private double backoffMultiplier = 2.0;
        private double jitter = 0.5;
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofMinutes(2);
        private int breakerWindow = 5;
        private float breakerFailureRate = 80f;
        private Duration breakerOpenFor = Duration.ofMinutes(30);
        private int maxInFlightPerHost = 1;
        private Duration minDelayPerHost = Duration.ofSeconds(1);
        private int maxPagesInFlight = 2;
        private Duration maxWaitForPage = Duration.ofMinutes(10);

        private Builder() {
        }

        /** Tries per document, the first included, and the wait before the first retry. */
        public Builder retries(int maxAttempts, Duration initialBackoff) {
            this.maxAttempts = maxAttempts;
            this.initialBackoff = initialBackoff;
            return this;
        }

        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** The per-host circuit breaker: attempts looked back on, failure percentage that opens it, how long it stays open. */
        public Builder breaker(int window, float failureRate, Duration openFor) {
            this.breakerWindow = window;
            this.breakerFailureRate = failureRate;
            this.breakerOpenFor = openFor;
            return this;
        }

        /** Requests in flight at once to one host, and the least delay between two. */
        public Builder politeness(int maxInFlightPerHost, Duration minDelayPerHost) {
            this.maxInFlightPerHost = maxInFlightPerHost;
            this.minDelayPerHost = minDelayPerHost;
            return this;
        }

        /** Browser pages in flight at once, all hosts together (the bulkhead). */
        public Builder pagesInFlight(int maxPagesInFlight) {
            this.maxPagesInFlight = maxPagesInFlight;
            return this;
        }

        public FetchPolicySettings build() {
            return new FetchPolicySettings(maxAttempts, initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter,
                    breakerWindow, breakerFailureRate, breakerOpenFor, maxInFlightPerHost, minDelayPerHost, maxPagesInFlight,
                    maxWaitForPage);
        }
    }
}
