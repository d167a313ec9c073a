package org.clausecam.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kept responses of a rendered page in the record format, and records written before they were kept. */
@Tag("unit")
class RecordCodecResourcesTest {

    private static final String HASH = "a".repeat(64);
    private static final String CSS = "c".repeat(64);

    @Test
    void keptResponsesSurviveARoundTripWithTheirHeadersInOrder() throws Exception {
        ResourceCapture style = new ResourceCapture("https://example.com/style.css", "GET", 200, "HTTP/1.1 200 OK",
                Map.of("content-type", List.of("text/css")), "text/css", CSS);
        ResourceCapture hop = new ResourceCapture("https://example.com/old", "GET", 301, "HTTP/1.1 301 Moved Permanently",
                Map.of("location", List.of("/new")), null, Sha256.hex(new byte[0]));

        CaptureRecord decoded = RecordCodec.decode(RecordCodec.encode(record(List.of(style, hop)), 1), "r").record();

        assertEquals(List.of(style, hop), decoded.documents().get(0).resources());
    }

    @Test
    void theRequestHeadersTheBrowserSentSurviveARoundTrip() throws Exception {
        ResourceCapture style = new ResourceCapture("https://example.com/style.css", "GET", 200, "HTTP/1.1 200 OK",
                Map.of("content-type", List.of("text/css")), "text/css", CSS,
                Map.of("user-agent", List.of("Mozilla/5.0"), "accept", List.of("text/css,*/*;q=0.1")));

        CaptureRecord decoded = RecordCodec.decode(RecordCodec.encode(record(List.of(style)), 1), "r").record();

        assertEquals(style.requestHeaders(), decoded.documents().get(0).resources().get(0).requestHeaders());
    }

    @Test
    void aKeptResponseWithoutRequestHeadersIsWrittenAsBeforeAndReadsWithNone() throws Exception {
        String json = new String(RecordCodec.encode(record(List.of(new ResourceCapture("https://example.com/a.css", "GET", 200,
                null, Map.of(), "text/css", CSS))), 1), StandardCharsets.UTF_8);

        assertFalse(json.contains("requestHeaders"), json);
        assertTrue(RecordCodec.decode(json.getBytes(StandardCharsets.UTF_8), "r").record().documents().get(0).resources().get(0)
                .requestHeaders().isEmpty());
    }

    @Test
    void aRecordWithoutKeptResponsesIsWrittenExactlyAsBeforeSoItsHashDoesNotChange() {
        String json = new String(RecordCodec.encode(record(List.of()), 1), StandardCharsets.UTF_8);

        assertFalse(json.contains("resources"), json);
    }

    @Test
    void aRecordWrittenBeforeResourcesWereKeptReadsWithNone() throws Exception {
        String old = """
                {"format":"clausecam-record/1","sequence":1,"service":"S","termsType":"Terms of Service",
                 "fetchDate":"2026-01-01T00:00:00Z","kind":"capture","documents":[{"documentId":null,
                 "requested":"https://example.com/","location":"https://example.com/","fetcher":"http","status":200,
                 "statusLine":"HTTP/1.1 200 OK","headers":{"content-type":["text/html"]},"mimeType":"text/html",
                 "snapshot":"%s","screenshot":null,"screenshotHeight":null}],"version":"%s","changed":true,
                 "previous":null,"declaration":null,"agentVersion":"0.1.0"}""".formatted(HASH, HASH);

        DocumentCapture document = RecordCodec.decode(old.getBytes(StandardCharsets.UTF_8), "r").record().documents().get(0);

        assertTrue(document.resources().isEmpty());
    }

    @Test
    void aKeptResponseWhoseBodyIsNoHashIsRefusedAsMalformed() {
        String json = new String(RecordCodec.encode(record(List.of(new ResourceCapture("https://example.com/a.css", "GET", 200,
                null, Map.of(), "text/css", CSS))), 1), StandardCharsets.UTF_8).replace(CSS, "not-a-hash");

        StoreException e = assertThrows(StoreException.class, () -> RecordCodec.decode(json.getBytes(StandardCharsets.UTF_8), "r"));
        assertTrue(e.getMessage().contains("body"), e.getMessage());
    }

    private static CaptureRecord record(List<ResourceCapture> resources) {
        DocumentCapture document = new DocumentCapture(null, "https://example.com/", "https://example.com/", "browser", 200,
                "HTTP/1.1 200 OK", Map.of("content-type", List.of("text/html")), "text/html", HASH, null, null, List.of(), resources);
        return new CaptureRecord("S", "Terms of Service", Instant.parse("2026-01-01T00:00:00Z"), CaptureRecord.KIND_CAPTURE,
                List.of(document), HASH, true, null, null, "0.1.0");
    }
}
