package org.clausecam.export;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The HTTP messages inside WARC request and response records. */
@Tag("unit")
class HttpBlocksTest {

    @Test
    void aDecodedBodyIsAnnouncedWithItsOwnLengthAndWithoutTheEncodingItTravelledIn() {
        Map<String, List<String>> received = new LinkedHashMap<>();
        received.put("content-type", List.of("text/css"));
        received.put("content-encoding", List.of("br"));
        received.put("content-length", List.of("12"));
        received.put("transfer-encoding", List.of("chunked"));
        received.put("set-cookie", List.of("a=1", "b=2"));

        String block = new String(HttpBlocks.response(200, "HTTP/2 200", received, "body{}".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.ISO_8859_1);

        assertEquals("HTTP/1.1 200 \r\ncontent-type: text/css\r\nset-cookie: a=1\r\nset-cookie: b=2\r\ncontent-length: 6\r\n\r\nbody{}",
                block);
    }

    @Test
    void theReasonPhraseOfTheReceivedStatusLineIsKept() {
        String block = new String(HttpBlocks.response(301, "HTTP/1.1 301 Moved Permanently", Map.of(), new byte[0]),
                StandardCharsets.ISO_8859_1);

        assertEquals("HTTP/1.1 301 Moved Permanently\r\ncontent-length: 0\r\n\r\n", block);
    }

    @Test
    void aHeaderValueCannotStartANewHeaderLine() {
        String block = new String(HttpBlocks.response(200, null, Map.of("x-note", List.of("a\r\nx-forged: 1")), new byte[0]),
                StandardCharsets.ISO_8859_1);

        assertEquals("HTTP/1.1 200 \r\nx-note: a x-forged: 1\r\ncontent-length: 0\r\n\r\n", block);
    }

    @Test
    void aRequestNamesThePathWithItsQueryAndTheHostWithItsPort() {
        String block = new String(HttpBlocks.request("GET", URI.create("http://127.0.0.1:8080/a/b.css?v=2"), Map.of()),
                StandardCharsets.ISO_8859_1);

        assertEquals("GET /a/b.css?v=2 HTTP/1.1\r\nhost: 127.0.0.1:8080\r\n\r\n", block);
    }

    @Test
    void aRequestCarriesTheHeadersTheBrowserSentAfterItsHostAndWithoutHttp2PseudoHeaders() {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put(":authority", List.of("example.com"));
        sent.put("host", List.of("example.com"));
        sent.put("user-agent", List.of("Mozilla/5.0 Chrome/156"));
        sent.put("accept", List.of("text/css,*/*;q=0.1"));

        String block = new String(HttpBlocks.request("GET", URI.create("https://example.com/s.css"), sent), StandardCharsets.ISO_8859_1);

        assertEquals("GET /s.css HTTP/1.1\r\nhost: example.com\r\nuser-agent: Mozilla/5.0 Chrome/156\r\naccept: text/css,*/*;q=0.1\r\n\r\n",
                block);
    }
}
