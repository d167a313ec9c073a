package org.clausecam.capture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One response a rendered page loaded, kept so that the page can be replayed as it was: the main
 * document as received (before its scripts ran), its stylesheets, scripts, images, fonts, frames.
 *
 * @param url        the URL asked for, as Chromium serialises it
 * @param method     the request method (only {@code GET} is kept)
 * @param status     HTTP status (2xx, or 3xx for a redirect hop, whose body is empty)
 * @param statusLine the status line, e.g. {@code HTTP/1.1 200 OK}
 * @param headers    response headers as received, names lower-cased; the body below is decoded
 *                   ({@code content-encoding} says how it travelled, not how it is kept)
 * @param mime       media type of the body, from {@code content-type}; null when none was given
 * @param body       the body, decoded
 * @param requestHeaders the request headers the browser sent, names lower-cased, without
 *                   {@code authorization}, {@code proxy-authorization} and {@code cookie}
 */
public record PageResource(String url, String method, int status, String statusLine, Map<String, List<String>> headers,
                           String mime, byte[] body, Map<String, List<String>> requestHeaders) {

    public PageResource {
        requestHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
