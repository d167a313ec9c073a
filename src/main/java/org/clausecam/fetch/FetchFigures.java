package org.clausecam.fetch;

import java.util.Map;

/**
 * Counts of one run's fetching, for the run summary: how many attempts were made, how many of
 * them were retries, how many documents were skipped because their host kept failing, and the
 * most requests seen in flight at once, per host and for browser pages.
 *
 * @param attempts         attempts made, retries included
 * @param retries          attempts that were retries
 * @param skipped          documents skipped by an open circuit breaker
 * @param maxPagesInFlight most browser pages in flight at once
 * @param hosts            the same counts per host (lower-cased), in host order
 */
public record FetchFigures(long attempts, long retries, long skipped, int maxPagesInFlight, Map<String, Host> hosts) {

    public FetchFigures {
        hosts = Map.copyOf(hosts);
    }

    /** One host's counts; {@code maxInFlight} is the most requests to it in flight at once. */
    public record Host(long attempts, long retries, long skipped, int maxInFlight) {
    }
}
