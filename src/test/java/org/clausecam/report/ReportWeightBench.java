package org.clausecam.report;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.FileStore;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The store {@code scripts/bench/report-weight} reports on: three terms, one of them a page
 * 119,000 px tall whose text changed 60,000 px down, the two others 4,000 px tall, one of them
 * changed. {@code fill DIR} makes it; {@code add DIR} records one more change of a small terms,
 * for timing an incremental run.
 */
public final class ReportWeightBench {

    static final TermsKey TALL = new TermsKey("Tallpage", "Privacy Policy");
    static final TermsKey SMALL = new TermsKey("Smallpage", "Terms of Service");
    static final TermsKey STEADY = new TermsKey("Steadypage", "Terms of Service");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (FileStore store = new FileStore(dir)) {
            switch (args[0]) {
                case "fill" -> {
                    List<String> tall = TallPages.lines(5_950);
                    record(store, TALL, "2026-08-01T06:00:00Z", tall);
                    record(store, TALL, "2026-09-25T06:00:00Z", TallPages.inserting(tall, 3_000, List.of(
                            "Training. We may use your conversations to train our models,",
                            "unless you opt out in Settings. We keep such data for up to 5 years.")));
                    List<String> small = TallPages.lines(200);
                    record(store, SMALL, "2026-08-01T06:00:00Z", small);
                    record(store, SMALL, "2026-09-01T06:00:00Z", TallPages.inserting(small, 100, List.of("You must be 18.")));
                    record(store, STEADY, "2026-08-01T06:00:00Z", TallPages.lines(180));
                }
                case "add" -> {
                    StoredRecord latest = store.latest(SMALL).orElseThrow();
                    List<String> lines = new String(store.getBlob(latest.record().version()), java.nio.charset.StandardCharsets.UTF_8)
                            .lines().toList();
                    record(store, SMALL, latest.record().fetchDate().plusSeconds(86_400).toString(),
                            TallPages.inserting(lines, 50, List.of("Added on " + Instant.now() + ".")));
                }
                default -> throw new IllegalArgumentException("fill DIR or add DIR, not " + args[0]);
            }
        }
    }

    private static void record(FileStore store, TermsKey terms, String date, List<String> lines) throws Exception {
        ReportStores.append(store, terms, date, CaptureRecord.KIND_CAPTURE, TallPages.version(lines),
                ReportStores.document(store, "https://" + terms.service().toLowerCase() + ".example/", null,
                        store.putBlob(TallPages.screenshot(lines))));
    }
}
