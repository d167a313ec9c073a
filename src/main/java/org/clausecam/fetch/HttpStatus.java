package org.clausecam.fetch;

import java.util.Map;

/**
 * Status lines and failure classes shared by the HTTP client and the browser. Neither
 * java.net.http nor an HTTP/2 answer gives a reason phrase, so the standard one is used to
 * rebuild a status line of the usual {@code HTTP/1.1 200 OK} form (WARC needs one).
 */
public final class HttpStatus {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
            Map.entry(203, "Non-Authoritative Information"), Map.entry(204, "No Content"),
            Map.entry(206, "Partial Content"), Map.entry(300, "Multiple Choices"),
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
            Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(425, "Too Early"),
            Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"));

    private HttpStatus() {
    }

    /** The standard reason phrase of a status, or an empty string for an unknown one. */
    public static String reasonPhrase(int status) {
        return REASONS.getOrDefault(status, "");
    }

    /**
     * A status line such as {@code HTTP/1.1 200 OK}.
     *
     * @param protocol {@code HTTP/1.1}, {@code HTTP/2}…
     * @param reason   the reason as received; when blank, the standard phrase is used
     */
    public static String statusLine(String protocol, int status, String reason) {
        String phrase = reason == null || reason.isBlank() ? reasonPhrase(status) : reason.strip();
        return (protocol + " " + status + " " + phrase).strip();
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * How a non-2xx answer fails: 408, 425, 429 and 5xx may pass if tried later; 401 and 403
     * are what bot walls answer; every other status (404, 410…) will not change by retrying.
     */
    public static FetchException.Kind failureKind(int status) {
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return FetchException.Kind.TRANSIENT;
        }
        if (status == 401 || status == 403) {
            return FetchException.Kind.BLOCKED;
        }
        return FetchException.Kind.PERMANENT;
    }
}
