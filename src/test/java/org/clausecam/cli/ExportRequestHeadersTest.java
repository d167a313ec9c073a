package org.clausecam.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request headers the browser sent for a kept response, end to end with the real CLI, a real
 * Chromium and a page on 127.0.0.1 that sets a cookie before it loads its stylesheet: the WARC's
 * request record for the stylesheet has what the server received, and no cookie.
 */
class ExportRequestHeadersTest {

    /** Built by the page's script, so that neither the page nor its DOM holds it literally. */
    private static final String COOKIE_VALUE = "s3cret-42";

    @TempDir
    static Path work;

    static FixtureSite site;
    static String store;
    static Path warc;

    @BeforeAll
    static void trackAPageThatSendsACookieWithItsStylesheetAndExportIt() throws IOException {
        site = new FixtureSite()
                .html("/terms.html", """
                        <!doctype html><html><head><title>Terms</title><script>
                        document.cookie = "session=" + "s3" + "cret-" + (6 * 7) + "; path=/";
                        const link = document.createElement("link");
                        link.rel = "stylesheet";
                        link.href = "/style.css";
                        document.head.appendChild(link);
                        </script></head><body><main><h1>Terms</h1><p>Use the service kindly.</p></main></body></html>""")
                .file("/style.css", "text/css", "h1 { color: #a00; }".getBytes(StandardCharsets.UTF_8));
        Path declarations = Files.createDirectories(work.resolve("declarations"));
        Files.writeString(declarations.resolve("Example.json"), """
                { "name": "Example", "terms": {
                    "Terms of Service": { "fetch": "%s", "select": ["main"], "executeClientScripts": true } } }
                """.formatted(site.url("/terms.html")));
        store = "file:" + work.resolve("store");
        CliRun track = CliRun.run("track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network",
                "--no-screenshots");
        assertEquals(0, track.exit(), track.output());
        warc = work.resolve("out/terms.warc.gz");
        CliRun export = CliRun.run("export", "warc", "--store", store, "--out", warc.toString());
        assertEquals(0, export.exit(), export.output());
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void theStylesheetsRequestRecordHasTheUserAgentAndAcceptTheBrowserSent() throws IOException {
        HttpRequest request = stylesheetRequest();

        assertEquals(site.requestHeaders("/style.css").get("User-agent"), request.headers().all("user-agent"));
        assertEquals(site.requestHeaders("/style.css").get("Accept"), request.headers().all("accept"));
        assertEquals(List.of(site.url("/").getAuthority()), request.headers().all("host"), "one host header, the URL's");
    }

    @Test
    void theCookieTheBrowserSentIsInNeitherTheRequestRecordNorTheStoreNorTheWarc() throws IOException {
        assertTrue(String.join(";", site.requestHeaders("/style.css").getOrDefault("Cookie", List.of())).contains(COOKIE_VALUE),
                "the browser did send the cookie with the stylesheet: " + site.requestHeaders("/style.css"));

        assertTrue(stylesheetRequest().headers().first("cookie").isEmpty());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(warc))) {
            assertFalse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(COOKIE_VALUE));
        }
        try (Stream<Path> files = Files.walk(work.resolve("store"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(COOKIE_VALUE), file.toString());
            }
        }
    }

    private static HttpRequest stylesheetRequest() throws IOException {
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcRequest request && request.target().equals(site.url("/style.css").toString())) {
                    HttpRequest http = request.http();
                    assertNotNull(http);
                    return http;
                }
            }
        }
        throw new AssertionError("no request record for the stylesheet in " + warc);
    }
}
