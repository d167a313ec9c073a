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
        List<String> notes) {

    public DocumentCapture {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A capture without notes. */
    public DocumentCapture(String documentId, String requested, String location, String fetcher, int status, String statusLine,
                           Map<String, List<String>> headers, String mimeType, String snapshot, String screenshot,
                           Integer screenshotHeight) {
        this(documentId, requested, location, fetcher, status, statusLine, headers, mimeType, snapshot, screenshot,
                screenshotHeight, List.of());
    }
}
