package org.clausecam.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds records the way the tracker does: blobs first, then a record naming them. */
final class Captures {

    static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");

    private Captures() {
    }

    /** Stores a snapshot, a screenshot and a version of {@code text}, and returns a record naming them. */
    static CaptureRecord capture(Store store, TermsKey terms, String previous, String text, int minute) throws StoreException {
        String snapshot = store.putBlob(("<html><body><p>" + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
        String screenshot = store.putBlob(("PNG of " + text).getBytes(StandardCharsets.UTF_8));
        String version = store.putBlob((text + "\n").getBytes(StandardCharsets.UTF_8));
        return record(terms, previous, snapshot, screenshot, version, minute);
    }

    static CaptureRecord record(TermsKey terms, String previous, String snapshot, String screenshot, String version, int minute) {
        DocumentCapture doc = new DocumentCapture(null, "https://example.com/terms", "https://example.com/terms",
                "http", 200, "HTTP/1.1 200 OK",
                Map.of("content-type", List.of("text/html; charset=utf-8")), "text/html",
                snapshot, screenshot, screenshot == null ? null : 1200);
        return new CaptureRecord(terms.service(), terms.termsType(), T0.plusSeconds(60L * minute),
                CaptureRecord.KIND_CAPTURE, List.of(doc), version, previous == null, previous, null, "test");
    }

    /** Appends {@code n} records whose text changes every time, and returns the last. */
    static StoredRecord appendMany(Store store, TermsKey terms, int n) throws StoreException {
        StoredRecord last = store.latest(terms).orElse(null);
        for (int i = 0; i < n; i++) {
            last = store.append(capture(store, terms, last == null ? null : last.sha256(), "text " + i, i));
        }
        return last;
    }
}
