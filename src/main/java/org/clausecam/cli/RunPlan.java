package org.clausecam.cli;

import org.clausecam.declarations.SourceDocument;
import org.clausecam.track.Shard;
import org.clausecam.track.TermsJob;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@code track} run is about to do, as its start line and {@code run-started} event say it:
 * so that an operator can tell at once a run of the wrong store, shard or size.
 *
 * @param terms              terms to capture
 * @param hosts              distinct hosts of their declared URLs
 * @param workers            terms captured at once
 * @param pagesInFlight      pages Chromium loads at once
 * @param maxBrowserCaptures browser captures admitted at once
 * @param store              the store as {@code Store.describe()} shows it (no credentials)
 * @param shard              the run's shard
 * @param screenshots        whether full-page screenshots are taken
 */
record RunPlan(int terms, int hosts, int workers, int pagesInFlight, int maxBrowserCaptures, String store, Shard shard,
               boolean screenshots) {

    RunPlan {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(shard, "shard");
    }

    static RunPlan of(List<TermsJob> jobs, ConcurrencyOptions.Bounds bounds, String store, Shard shard, boolean screenshots) {
        long hosts = jobs.stream().flatMap(j -> j.terms().sourceDocuments().stream()).map(SourceDocument::location)
                .map(u -> u.getHost() == null ? u.getAuthority() : u.getHost().toLowerCase(Locale.ROOT))
                .filter(Objects::nonNull).distinct().count();
        return new RunPlan(jobs.size(), (int) hosts, bounds.workers(), bounds.pagesInFlight(), bounds.maxBrowserCaptures(), store, shard,
                screenshots);
    }

    /** e.g. {@code tracking 240 terms on 35 hosts: 4 workers, 4 pages in flight, 4 browser captures; store s3://…; shard 1/4; screenshots on}. */
    String line() {
        return "tracking " + terms + " terms on " + count(hosts, "host", "hosts") + ": " + count(workers, "worker", "workers") + ", "
                + count(pagesInFlight, "page", "pages") + " in flight, " + count(maxBrowserCaptures, "browser capture", "browser captures")
                + "; store " + UserText.printable(store) + (shard.count() > 1 ? "; shard " + shard : "")
                + "; screenshots " + (screenshots ? "on" : "off");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
