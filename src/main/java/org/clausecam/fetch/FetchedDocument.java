package org.clausecam.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one fetch brought back. The status line and headers are kept as received because
 * downstream archives (WARC) need them.
 *
 * @param requested  the URL asked for
 * @param location   the final URL after redirects (what relative links resolve against)
 * @param fetcher    plain HTTP or browser
 * @param status     HTTP status of the main document
 * @param statusLine the HTTP status line, e.g. {@code HTTP/1.1 200 OK}
 * @param headers    response headers of the main document, names lower-cased, in order
 * @param mimeType   the media type without parameters ({@code text/html}, {@code application/pdf})
 * @param content    HTML as rendered (browser) or received (HTTP), or the PDF bytes
 * @param fetchedAt  when the answer arrived
 */
public record FetchedDocument(
        URI requested,
        URI location,
        FetcherKind fetcher,
        int status,
        String statusLine,
        Map<String, List<String>> headers,
        String mimeType,
        byte[] content,
        Instant fetchedAt) {

    public boolean isPdf() {
        return "application/pdf".equals(mimeType);
    }
}
