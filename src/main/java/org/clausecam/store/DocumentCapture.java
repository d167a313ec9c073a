package org.clausecam.store;

import java.util.List;
import java.util.Map;

/**
 * What a record keeps of one source document: where it came from, how it was fetched, the HTTP
 * answer's status line and headers (for WARC export), and the hashes of its blobs.
 *
 * @param documentId       source-document id for combined terms, else {@code null}
 * @param requested        URL asked for
 * @param location         final URL after redirects
 * @param fetcher          {@code http} or {@code browser}
 * @param status           HTTP status
 * @param statusLine       HTTP status line as received
 * @param headers          response headers as received (names lower-cased)
 * @param mimeType         media type of the snapshot
 * @param snapshot         SHA-256 of the snapshot blob
 * @param screenshot       SHA-256 of the full-page PNG, or {@code null} when none was taken
 * @param screenshotHeight height in pixels of that PNG, or {@code null}
 * @param notes            what the capture had to settle for (a page that did not settle, a
 *                         screenshot cut at the height limit…), one line each; empty when none
 * @param resources        the responses a rendered page loaded, kept for replay (the main document
 *                         as received among them); empty when none were kept
 */
public record DocumentCapture(
        String documentId,
        String requested,
        String location,
        String fetcher,
        int status,
        String statusLine,
        Map<String, List<String>> headers,
        String mimeType,
        String snapshot,
        String screenshot,
        Integer screenshotHeight,
        List<String> notes,
        List<ResourceCapture> resources) {

    public DocumentCapture {
        notes = notes == null ? List.of() : List.copyOf(notes);
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** A capture without kept resources. */
    public DocumentCapture(String documentId, String requested, String location, String fetcher, int status, String statusLine,
                           Map<String, List<String>> headers, String mimeType, String snapshot, String screenshot,
                           Integer screenshotHeight, List<String> notes) {
        this(documentId, requested, location, fetcher, status, statusLine, headers, mimeType, snapshot, screenshot,
                screenshotHeight, notes, List.of());
    }

    /** A capture without notes. */
    public DocumentCapture(String documentId, String requested, String location, String fetcher, int status, String statusLine,
                           Map<String, List<String>> headers, String mimeType, String snapshot, String screenshot,
                           Integer screenshotHeight) {
        this(documentId, requested, location, fetcher, status, statusLine, headers, mimeType, snapshot, screenshot,
                screenshotHeight, List.of());
    }
}
