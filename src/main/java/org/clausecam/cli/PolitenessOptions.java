package org.clausecam.cli;

import org.clausecam.fetch.FetchPolicySettings;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * How hard and how politely a run fetches: retries and per-host politeness. Defaults are
 * {@link FetchPolicySettings#defaults()}; an option left out keeps its default.
 */
final class PolitenessOptions {

    private static final FetchPolicySettings DEFAULTS = FetchPolicySettings.defaults();

    @Option(names = "--max-attempts", paramLabel = "N",
            description = "Tries per document for transient failures (5xx, 429, resets, timeouts), the first "
                    + "included (default 4). Permanent failures (404, 410) are never retried.")
    Integer maxAttempts;

    @Option(names = "--retry-backoff", paramLabel = "MILLIS",
            description = "Wait before the first retry, doubled for each later one, with jitter (default 1000).")
    Long retryBackoffMillis;

    @Option(names = "--host-delay", paramLabel = "MILLIS",
            description = "Least time between two requests to one host (default 1000); Chromium asking again at "
                    + "once for a page plain HTTP found empty completes that visit and does not wait.")
    Long hostDelayMillis;

    @Option(names = "--host-concurrency", paramLabel = "N",
            description = "Requests in flight at once to one host (default 1).")
    Integer hostConcurrency;

    /** The run's fetch policy: the defaults with what was given on the command line. */
    FetchPolicySettings settings() {
        int attempts = maxAttempts != null ? maxAttempts : DEFAULTS.maxAttempts();
        Duration backoff = retryBackoffMillis != null ? Duration.ofMillis(retryBackoffMillis) : DEFAULTS.initialBackoff();
        int inFlight = hostConcurrency != null ? hostConcurrency : DEFAULTS.maxInFlightPerHost();
        Duration delay = hostDelayMillis != null ? Duration.ofMillis(hostDelayMillis) : DEFAULTS.minDelayPerHost();
        if (attempts < 1) throw new UsageException("--max-attempts must be at least 1");
        if (backoff.toMillis() < 1) throw new UsageException("--retry-backoff must be at least 1 ms");
        if (delay.isNegative()) throw new UsageException("--host-delay must not be negative");
        if (inFlight < 1) throw new UsageException("--host-concurrency must be at least 1");
        return DEFAULTS.toBuilder().retries(attempts, backoff).politeness(inFlight, delay).build();
    }
}
