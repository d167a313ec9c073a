package org.clausecam.export;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.FileStore;
import org.clausecam.store.ResourceCapture;
import org.clausecam.store.StoredRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The WARC of a page captured twice unchanged, from records written by hand: the second
 * capture's screenshot, DOM and version are revisits of the first's; request records carry the
 * request headers a record kept, and only the host where it kept none (older records).
 */
@Tag("unit")
class WarcExportRevisitsTest {

    private static final String PAGE = "https://example.com/terms";
    private static final String STYLE = "https://example.com/style.css";
    private static final Instant FIRST = Instant.parse("2026-12-01T06:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-12-02T06:00:00Z");

    @TempDir
    Path dir;

    private final List<WarcRecord> records = new ArrayList<>();
    /** The HTTP message of each request record by target, parsed while the reader was on it. */
    private final Map<String, HttpRequest> requests = new HashMap<>();

    @BeforeEach
    void exportTwoUnchangedCaptures() throws Exception {
        try (FileStore store = new FileStore(dir.resolve("store"))) {
            StoredRecord first = store.append(capture(store, FIRST, null));
            store.append(capture(store, SECOND, first.sha256()));
            new WarcExport(store, "Clausecam test").write(ExportSelection.everything(), dir.resolve("out.warc.gz"));
        }
        try (WarcReader reader = new WarcReader(dir.resolve("out.warc.gz"))) {
            for (WarcRecord r : reader) {
                records.add(r);
                if (r instanceof WarcRequest request) requests.putIfAbsent(request.target(), request.http());
            }
        }
    }

    @Test
    void theScreenshotDomAndVersionOfTheUnchangedCaptureAreRevisitsOfTheFirstCapturesRecords() throws Exception {
        for (String urn : List.of("urn:fullPage:", "urn:dom:", "urn:markdown:")) {
            List<WarcTargetRecord> written = targeted(urn + PAGE);
            assertEquals(2, written.size(), urn);
            WarcResource original = assertInstanceOf(WarcResource.class, written.get(0), urn);
            WarcRevisit revisit = assertInstanceOf(WarcRevisit.class, written.get(1), urn);
            assertEquals(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1, revisit.profile());
            assertEquals(original.id(), revisit.refersTo().orElseThrow());
            assertEquals(urn + PAGE, revisit.refersToTargetURI().orElseThrow().toString());
            assertEquals(FIRST, revisit.refersToDate().orElseThrow());
            assertEquals(SECOND, revisit.date());
            assertEquals(original.payloadDigest(), revisit.payloadDigest());
            assertEquals(0, revisit.body().size(), "the content is the record it refers to");
        }
    }

    @Test
    void aRequestRecordCarriesTheKeptRequestHeadersAndOnlyTheHostWhereNoneWereKept() {
        HttpRequest page = requests.get(PAGE);
        HttpRequest style = requests.get(STYLE);

        assertEquals(List.of("Mozilla/5.0 Test"), page.headers().all("user-agent"));
        assertEquals(List.of("example.com"), page.headers().all("host"));
        assertEquals(Map.of("host", List.of("example.com")), style.headers().map());
    }

    private List<WarcTargetRecord> targeted(String target) {
        return records.stream().filter(r -> r instanceof WarcTargetRecord t && t.target().equals(target))
                .map(WarcTargetRecord.class::cast).toList();
    }

    /** A rendered capture of the same page, its stylesheet kept as a record written before request headers were kept. */
    private static CaptureRecord capture(FileStore store, Instant at, String previous) throws Exception {
        String html = store.putBlob("<html><body><main>Terms</main></body></html>".getBytes(StandardCharsets.UTF_8));
        String dom = store.putBlob("<html><head></head><body><main>Terms</main></body></html>".getBytes(StandardCharsets.UTF_8));
        String png = store.putBlob(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        String css = store.putBlob("main { color: red }".getBytes(StandardCharsets.UTF_8));
        String version = store.putBlob("Terms\n".getBytes(StandardCharsets.UTF_8));
        List<ResourceCapture> resources = List.of(
                new ResourceCapture(PAGE, "GET", 200, "HTTP/1.1 200 OK", Map.of("content-type", List.of("text/html")), "text/html", html,
                        Map.of("user-agent", List.of("Mozilla/5.0 Test"))),
                new ResourceCapture(STYLE, "GET", 200, "HTTP/1.1 200 OK", Map.of("content-type", List.of("text/css")), "text/css", css));
        DocumentCapture document = new DocumentCapture(null, PAGE, PAGE, "browser", 200, "HTTP/1.1 200 OK",
                Map.of("content-type", List.of("text/html")), "text/html", dom, png, 1, List.of(), resources);
        return new CaptureRecord("Example", "Terms of Service", at, CaptureRecord.KIND_CAPTURE, List.of(document), version,
                previous == null, previous, null, "0.1.0");
    }
}
