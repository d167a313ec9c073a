package org.clausecam.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Times {@code export ota} for docs/benchmarks.md (not a test: it times things). Run with
 * scripts/bench/ota-export-bench [records] [terms] [out].
 *
 * <p>A synthetic {@code file:} store: {@code terms} terms with {@code records / terms} captures
 * each, 6 hours apart, a 30 KB HTML snapshot, the version changing every third capture and the
 * snapshot every other one. Times the first export, a re-run with nothing new, and a run after
 * one more capture per terms. The export is left in {@code out} (default a temporary folder) for
 * scripts/ota-check.
 */
public final class OtaExportBench {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int terms = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path work = Files.createTempDirectory("ota-export-bench");
        Path out = args.length > 2 ? Path.of(args[2]) : work.resolve("ota");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        String filler = "<p>These terms apply to every use of the service, its apps and its interfaces.</p>\n".repeat(350);
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            long t0 = System.nanoTime();
            int perTerms = records / terms;
            for (int i = 0; i < perTerms; i++) {
                for (int t = 0; t < terms; t++) {
                    capture(h, t, i, start, filler);
                }
            }
            System.out.printf("store of %d records (%d terms) built in %.1f s%n", perTerms * terms, terms, seconds(t0));

            OtaExport export = new OtaExport(h.store(), out, new OtaExport.Options(Set.of(), Set.of(),
                    OtaExport.DEFAULT_SNAPSHOT_TEMPLATE, OtaExport.DEFAULT_AUTHOR));
            long t1 = System.nanoTime();
            OtaExportSummary first = export.export();
            System.out.printf("first export: %.2f s (%d snapshot commits, %d version commits)%n", seconds(t1),
                    first.snapshotCommits(), first.versionCommits());
            long t2 = System.nanoTime();
            OtaExportSummary again = export.export();
            System.out.printf("re-run, nothing new: %.2f s (%d records read again: unchanged captures after the last exported one)%n", seconds(t2), again.recordsRead());
            for (int t = 0; t < terms; t++) capture(h, t, perTerms, start, filler);
            long t3 = System.nanoTime();
            OtaExportSummary more = export.export();
            System.out.printf("after one more capture per terms: %.2f s (%d records read, %d snapshot commits, %d version commits)%n",
                    seconds(t3), more.recordsRead(), more.snapshotCommits(), more.versionCommits());
            System.out.println("export left in " + out);
        }
    }

    private static void capture(StoreHistories h, int t, int i, Instant start, String filler) throws Exception {
        String version = "# Terms " + t + "\n\nRevision " + (i / 3) + ".\n\n" + "Every use of the service is covered.\n".repeat(200);
        String html = "<html><body><main><h1>Terms " + t + "</h1><p>Revision " + (i / 3) + "</p>" + filler
                + "<!-- build " + (i / 2) + " --></main></body></html>";
        h.capture("Service" + t, "Terms of Service", start.plus(Duration.ofHours(6L * i)).plusSeconds(t), version, html);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
