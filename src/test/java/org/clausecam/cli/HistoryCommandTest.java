package org.clausecam.cli;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.FileStore;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code history}: records newest first by their dates, not in the order they were recorded. */
@Tag("unit")
class HistoryCommandTest {

    private static final TermsKey TERMS = new TermsKey("Example", "Privacy Policy");

    @TempDir
    Path work;

    private String store;
    private String firstCapture;
    private String change;
    private String oldEmail;
    private String sameDateLater;
    private String recentEmail;

    /** Recorded in this order; their dates say otherwise. */
    @BeforeEach
    void aHistoryWhoseDatesAreNotItsOrder() throws Exception {
        store = "file:" + work.resolve("store");
        try (Store s = new FileStore(work.resolve("store"))) {
            firstCapture = append(s, "2026-01-10T08:00:00.250Z", CaptureRecord.KIND_CAPTURE, "v1", true);
            change = append(s, "2026-02-01T08:00:00Z", CaptureRecord.KIND_CAPTURE, "v2", true);
            oldEmail = append(s, "2025-08-28T17:02:11Z", CaptureRecord.KIND_EMAIL, "the announcement", false);
            sameDateLater = append(s, "2026-02-01T08:00:00Z", CaptureRecord.KIND_CAPTURE, "v2", false);
            recentEmail = append(s, "2026-01-20T10:00:00Z", CaptureRecord.KIND_EMAIL, "a reminder", false);
        }
    }

    @Test
    void listsNewestFirstByDateWithKindStatusAndTimesToTheSecond() {
        CliRun run = CliRun.run("history", TERMS.service(), TERMS.termsType(), "--store", store);

        assertEquals(0, run.exit(), run.output());
        List<String> lines = run.output().lines().toList();
        assertEquals(5, lines.size(), run.output());
        assertLine(lines.get(0), "2026-02-01T08:00:00Z  capture  unchanged   ", sameDateLater);
        assertLine(lines.get(1), "2026-02-01T08:00:00Z  capture  changed     ", change);
        assertLine(lines.get(2), "2026-01-20T10:00:00Z  e-mail   evidence    ", recentEmail);
        assertLine(lines.get(3), "2026-01-10T08:00:00Z  capture  first record", firstCapture);
        assertLine(lines.get(4), "2025-08-28T17:02:11Z  e-mail   evidence    ", oldEmail);
    }

    @Test
    void pagesFollowTheDateOrder() {
        CliRun first = CliRun.run("history", TERMS.service(), TERMS.termsType(), "--store", store, "--limit", "2");
        List<String> lines = first.output().lines().toList();
        assertEquals(3, lines.size(), first.output());
        assertEquals("... more: clausecam history \"Example\" \"Privacy Policy\" --after " + change, lines.get(2));

        CliRun second = CliRun.run("history", TERMS.service(), TERMS.termsType(), "--store", store, "--limit", "2",
                "--after", change);
        List<String> next = second.output().lines().toList();
        assertEquals(3, next.size(), second.output());
        assertLine(next.get(0), "2026-01-20T10:00:00Z  e-mail ", recentEmail);
        assertLine(next.get(1), "2026-01-10T08:00:00Z  capture", firstCapture);

        CliRun last = CliRun.run("history", TERMS.service(), TERMS.termsType(), "--store", store, "--limit", "2",
                "--after", firstCapture);
        assertEquals(1, last.output().lines().count(), last.output());
        assertLine(last.output().lines().findFirst().orElseThrow(), "2025-08-28T17:02:11Z  e-mail ", oldEmail);
    }

    @Test
    void anAfterThatIsNoRecordOfTheTermsIsBadUsage() {
        CliRun run = CliRun.run("history", TERMS.service(), TERMS.termsType(), "--store", store, "--after", "000000000042");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("--after 000000000042: no such record of Example / Privacy Policy"), run.output());
    }

    @Test
    void aLimitBelowOneIsBadUsage() {
        CliRun run = CliRun.run("history", TERMS.service(), TERMS.termsType(), "--store", store, "--limit", "0");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("--limit must be at least 1, not 0"), run.output());
    }

    private static void assertLine(String line, String start, String id) {
        assertTrue(line.startsWith(start), "expected \"" + start + "…\", got: " + line);
        assertTrue(line.contains("  " + id + "  "), "expected record " + id + " in: " + line);
    }

    private static String append(Store store, String date, String kind, String text, boolean changed) throws StoreException {
        String version = store.putBlob(text.getBytes(StandardCharsets.UTF_8));
        String snapshot = store.putBlob(("<p>" + text + "</p>").getBytes(StandardCharsets.UTF_8));
        var latest = store.latest(TERMS);
        DocumentCapture document = new DocumentCapture(null, "https://example.com/privacy", "https://example.com/privacy",
                kind.equals(CaptureRecord.KIND_EMAIL) ? "email" : "browser", 200, "HTTP/1.1 200 OK", Map.of(),
                "text/html", snapshot, null, null);
        StoredRecord stored = store.append(new CaptureRecord(TERMS.service(), TERMS.termsType(), Instant.parse(date), kind,
                List.of(document), version, changed, latest.map(StoredRecord::sha256).orElse(null), null, "test"));
        return stored.id();
    }
}
