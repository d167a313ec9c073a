package org.clausecam.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a record keeps of one response a rendered page loaded (kept for replay): the request, the
 * answer's status and headers as received, and the SHA-256 of its decoded body.
 *
 * @param url        URL asked for
 * @param method     request method ({@code GET})
 * @param status     HTTP status (2xx; 3xx for a redirect hop, whose body is empty)
 * @param statusLine status line, or null when not known
 * @param headers    response headers as received, names lower-cased
 * @param mime       media type of the body, or null when none was given
 * @param body       SHA-256 of the body blob
 * @param requestHeaders the request headers the browser sent, names lower-cased, never credentials
 *                   ({@code authorization}, {@code proxy-authorization}, {@code cookie}); empty in
 *                   records written before they were kept
 */
public record ResourceCapture(String url, String method, int status, String statusLine, Map<String, List<String>> headers,
                              String mime, String body, Map<String, List<String>> requestHeaders) {

    public ResourceCapture {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        requestHeaders = requestHeaders == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders));
    }

    /** A kept response whose request headers are not known (as in records written before they were kept). */
    public ResourceCapture(String url, String method, int status, String statusLine, Map<String, List<String>> headers,
                           String mime, String body) {
        this(url, method, status, statusLine, headers, mime, body, Map.of());
    }
}
