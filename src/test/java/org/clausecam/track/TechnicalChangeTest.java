package org.clausecam.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clausecam.capture.CapturedSource;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.fetch.FetcherKind;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.FileStore;
import org.clausecam.store.StoredRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new version that is new only because of how the page was fetched is a technical change, not a change of the terms. */
@Tag("unit")
class TechnicalChangeTest {

    private static final URI URL = URI.create("https://example.com/terms");
    private static final Terms TERMS = new Terms("Example", "Terms of Service",
            List.of(new SourceDocument(null, URL, List.of(), List.of(), List.of(), null)), false);

    @TempDir
    Path dir;

    private FileStore store;
    private Recorder recorder;

    @BeforeEach
    void open() {
        store = new FileStore(dir.resolve("store"));
        recorder = new Recorder(store, "test", ShrinkGuard.defaults());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private static CapturedTerms captured(FetcherKind fetcher, String snapshot, String version) {
        FetchedDocument d = new FetchedDocument(URL, URL, fetcher, 200, "HTTP/1.1 200 OK", Map.of(), "text/html",
                snapshot.getBytes(StandardCharsets.UTF_8), Instant.now());
        return new CapturedTerms(List.of(new CapturedSource(d, null)), version);
    }

    private static final String TERMS_TEXT = "# Terms\n\n1. You may use the service.\n\n2. We may change these terms.\n\n"
            + "3. These terms are governed by the law of the place where we are.";

    @Test
    void aFetcherSwitchWhoseOldFetcherStillSeesThePreviousVersionIsATechnicalChange() throws Exception {
        String rendered = TERMS_TEXT + "\n\nRendered by scripts.";
        recorder.recordCapture(TERMS, captured(FetcherKind.BROWSER, "<main>rendered</main>", rendered));
        List<List<String>> checked = new java.util.ArrayList<>();

        StoredRecord switched = recorder.recordCapture(TERMS, captured(FetcherKind.HTTP, "<main>served</main>", TERMS_TEXT),
                fetchers -> {
                    checked.add(fetchers);
                    return rendered;
                }).stored();
        StoredRecord same = recorder.recordCapture(TERMS, captured(FetcherKind.HTTP, "<main>served</main>", TERMS_TEXT)).stored();
        StoredRecord changed = recorder.recordCapture(TERMS, captured(FetcherKind.HTTP, "<main>served anew</main>", TERMS_TEXT + "\n\n4. New.")).stored();

        assertEquals(List.of(List.of("browser")), checked, "captured again with the previous fetcher");
        assertFalse(switched.record().changed(), "not a change of the terms");
        assertTrue(switched.record().technical());
        assertEquals("fetcher changed: browser → http; captured again as before, the version is the previous one",
                switched.record().changeReason());
        assertFalse(same.record().changed(), "the next capture is compared with the technical record's version");
        assertFalse(same.record().technical());
        assertTrue(changed.record().changed());
        assertNull(changed.record().change());
        String stored;
        try (var records = Files.walk(dir.resolve("store/records"))) {
            stored = Files.readString(records.filter(p -> p.toString().endsWith("999999999997.json")).findFirst().orElseThrow());
        }
        assertTrue(stored.contains("\"change\" : \"technical\",\n  \"changeReason\" : \"fetcher changed: browser → http;"), stored);
    }

    @Test
    void aFetcherSwitchInTheRunWhereTheTermsChangedIsAChangeOfTheTerms() throws Exception {
        recorder.recordCapture(TERMS, captured(FetcherKind.BROWSER, "<main>rendered</main>", TERMS_TEXT + "\n\nRevision 1."));

        StoredRecord switched = recorder.recordCapture(TERMS, captured(FetcherKind.HTTP, "<main>served</main>", TERMS_TEXT),
                fetchers -> TERMS_TEXT + "\n\nRevision 2.").stored();
        StoredRecord unchecked = recorder.recordCapture(TERMS, captured(FetcherKind.BROWSER, "<main>rendered</main>", TERMS_TEXT + "x")).stored();
        StoredRecord failedCheck = recorder.recordCapture(TERMS, captured(FetcherKind.HTTP, "<main>served</main>", TERMS_TEXT),
                fetchers -> {
                    throw new FetchException(URI.create("https://example.com/terms"), FetchException.Kind.PERMANENT, "the page is gone");
                }).stored();

        assertTrue(switched.record().changed(), "the old fetcher sees a change too");
        assertFalse(switched.record().technical());
        assertTrue(unchecked.record().changed(), "without a check, a switch is not shown to be technical");
        assertTrue(failedCheck.record().changed());
    }

    @Test
    void theSameSnapshotGivingANewVersionIsATechnicalChange() throws Exception {
        recorder.recordCapture(TERMS, captured(FetcherKind.HTTP, "<main>Donn\u00e9es</main>", TERMS_TEXT + " DonnÃ©es"));

        StoredRecord reread = recorder.recordCapture(TERMS, captured(FetcherKind.HTTP, "<main>Donn\u00e9es</main>", TERMS_TEXT + " Données")).stored();

        assertFalse(reread.record().changed());
        assertEquals(CaptureRecord.CHANGE_TECHNICAL, reread.record().change());
        assertTrue(reread.record().changeReason().startsWith("the same snapshot extracted anew"));
    }

    @Test
    void aNewSnapshotUnderTheSameFetcherIsAChangeOfTheTerms() throws Exception {
        recorder.recordCapture(TERMS, captured(FetcherKind.BROWSER, "<main>one</main>", TERMS_TEXT));

        StoredRecord next = recorder.recordCapture(TERMS, captured(FetcherKind.BROWSER, "<main>two</main>", TERMS_TEXT + "\n\n4. New.")).stored();

        assertTrue(next.record().changed());
        assertFalse(next.record().technical());
    }
}
