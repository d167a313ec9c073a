package org.clausecam.export;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP messages of WARC {@code request} and {@code response} records, as bytes.
 *
 * <p>Bodies are kept decoded (Chromium hands them over so), so the headers that describe how the
 * body travelled are left out and {@code Content-Length} is the kept body's: a reader then gets
 * the payload the headers announce. Status lines say {@code HTTP/1.1} whatever the protocol was
 * (HTTP/2 has none), as browser-based crawlers write them; WARC readers parse no other form.
 */
final class HttpBlocks {

    /** Headers of the transfer, not of the kept body. */
    private static final Set<String> TRANSFER_HEADERS = Set.of("content-encoding", "transfer-encoding", "content-length");

    private HttpBlocks() {
    }

    static byte[] response(int status, String statusLine, Map<String, List<String>> headers, byte[] body) {
        return concat(responseHead(status, statusLine, headers, body.length), body);
    }

    /** The status line and headers of a response whose body is {@code bodyLength} bytes (a revisit's whole block). */
    static byte[] responseHead(int status, String statusLine, Map<String, List<String>> headers, long bodyLength) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status, statusLine)).append("\r\n");
        headers.forEach((name, values) -> {
            if (TRANSFER_HEADERS.contains(name) || name.startsWith(":")) return;
            for (String value : values) head.append(name).append(": ").append(oneLine(value)).append("\r\n");
        });
        head.append("content-length: ").append(bodyLength).append("\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The request: its method, path and host, then the headers the browser sent as the record
     * keeps them (none in records written before they were kept, for plain HTTP fetches and for
     * a main document exported from its snapshot). {@code host} comes from the URL, as HTTP/2's
     * {@code :authority} pseudo-header is no header of an HTTP/1.1 message.
     */
    static byte[] request(String method, URI url, Map<String, List<String>> sent) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        String host = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nhost: ").append(host).append("\r\n");
        sent.forEach((name, values) -> {
            if (name.equals("host") || name.startsWith(":")) return;
            for (String value : values) head.append(name).append(": ").append(oneLine(value)).append("\r\n");
        });
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The reason phrase of a status line such as {@code HTTP/2 200 OK}; empty when it has none. */
    private static String reason(int status, String statusLine) {
        if (statusLine == null) return "";
        String marker = " " + status;
        int at = statusLine.indexOf(marker);
        return at < 0 ? "" : oneLine(statusLine.substring(at + marker.length()).strip());
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }

    private static byte[] concat(byte[] head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + body.length);
        out.writeBytes(head);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
