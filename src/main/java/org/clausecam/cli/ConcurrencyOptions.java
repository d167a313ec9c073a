package org.clausecam.cli;

import picocli.CommandLine.Option;

/**
 * How much a run does at once: worker threads (terms captured at once), browser pages the one
 * Chromium loads at once, and browser captures admitted at once (more wait for a place).
 * {@code --concurrency N} sets the pages and captures to N and the workers to 2N: workers also
 * fetch over plain HTTP, extract and record, and twice as many keep Chromium's N places filled
 * meanwhile (measured +20% and +39% documents/minute with screenshots, docs/benchmarks.md).
 * Each given on its own wins.
 */
final class ConcurrencyOptions {

    /** Chromium's owner thread keeps at most this many pages loading. */
    static final int MAX_PAGES_IN_FLIGHT = 16;

    /**
     * Measured best for {@code track} on 2 cores with screenshots since pages settle after
     * {@code load} (a settling page holds its place while Chromium idles on it): 3 against 2 gave
     * +17%, +24% and -8% in three interleaved pairs (docs/benchmarks.md, "Throughput against a
     * bare loop"); the bare loop, which does not settle, was best at 2 (docs/benchmarks.md, "Chromium, measured").
     */
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "3",
            description = "Sets --pages-in-flight (at most " + MAX_PAGES_IN_FLIGHT
                    + ") and --max-browser-captures to N and --workers to 2N; each of those given on its own wins "
                    + "(default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--workers", paramLabel = "N",
            description = "Terms captured at once: worker threads fetching, extracting and recording, so that "
                    + "Chromium's pages stay busy meanwhile (default: twice --concurrency).")
    Integer workers;

    @Option(names = "--pages-in-flight", paramLabel = "N",
            description = "Pages the one Chromium loads at once, 1.." + MAX_PAGES_IN_FLIGHT
                    + " (default: --concurrency, at most " + MAX_PAGES_IN_FLIGHT + ").")
    Integer pagesInFlight;

    @Option(names = "--max-browser-captures", paramLabel = "N",
            description = "Browser captures (renders and screenshots) admitted at once across all hosts; the others "
                    + "wait up to 10 minutes for a place, then fail as transient (default: --pages-in-flight).")
    Integer maxBrowserCaptures;

    /** The three bounds, checked. */
    record Bounds(int workers, int pagesInFlight, int maxBrowserCaptures) {
    }

    Bounds bounds() {
        if (concurrency < 1) throw new UsageException("--concurrency must be at least 1");
        int threads = workers != null ? workers : 2 * concurrency;
        int pages = pagesInFlight != null ? pagesInFlight : Math.min(MAX_PAGES_IN_FLIGHT, concurrency);
        int captures = maxBrowserCaptures != null ? maxBrowserCaptures : pages;
        if (threads < 1) throw new UsageException("--workers must be at least 1");
        if (pages < 1 || pages > MAX_PAGES_IN_FLIGHT) {
            throw new UsageException("--pages-in-flight must be within 1.." + MAX_PAGES_IN_FLIGHT);
        }
        if (captures < 1) throw new UsageException("--max-browser-captures must be at least 1");
        return new Bounds(threads, pages, captures);
    }
}
