package org.clausecam.fetch;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("unit")
class ChallengeDetectorTest {

    private static final Map<String, List<String>> NO_HEADERS = Map.of();

    static Stream<Arguments> challenges() {
        return Stream.of(
                Arguments.of("Cloudflare interstitial", 403, NO_HEADERS,
                        "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>",
                        "Cloudflare challenge (\"Just a moment...\")"),
                Arguments.of("Cloudflare interstitial served with 200", 200, NO_HEADERS,
                        "<html><head><title>Just a moment\u2026</title></head><body></body></html>",
                        "Cloudflare challenge (\"Just a moment...\")"),
                Arguments.of("Cloudflare challenge script", 503, NO_HEADERS,
                        "<html><body><script>window._cf_chl_opt={cType:'managed'}</script></body></html>",
                        "Cloudflare challenge (cf-chl)"),
                Arguments.of("Cloudflare cf-mitigated header", 403, Map.of("cf-mitigated", List.of("challenge")),
                        "<html><body>anything</body></html>", "Cloudflare challenge (cf-mitigated: challenge)"),
                Arguments.of("Cloudflare noscript text", 403, NO_HEADERS,
                        "<html><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>",
                        "Cloudflare challenge (\"Enable JavaScript and cookies to continue\")"),
                Arguments.of("Cloudflare block page", 403, NO_HEADERS,
                        "<html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>",
                        "Cloudflare block (\"Attention Required!\")"),
                Arguments.of("DataDome captcha", 403, NO_HEADERS,
                        "<html><body><script src=\"https://ct.captcha-delivery.com/c.js\"></script></body></html>",
                        "DataDome challenge"),
                Arguments.of("DataDome header", 403, Map.of("x-datadome", List.of("protected")),
                        "<html><body></body></html>", "DataDome block (HTTP 403, x-datadome header)"),
                Arguments.of("PerimeterX press and hold", 403, NO_HEADERS,
                        "<html><body><p>Press &amp; Hold to confirm you are a human (and not a bot).</p></body></html>",
                        "PerimeterX challenge (\"Press & Hold\")"),
                Arguments.of("Akamai access denied", 403, NO_HEADERS,
                        "<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don't have permission"
                                + " to access this server.<P>Reference&#32;&#35;18.5d3b1402.1700000000.1a2b3c</BODY></HTML>",
                        "Akamai block (\"Access Denied\", reference #)"),
                Arguments.of("Cloudflare challenge orchestration served with 200", 200, NO_HEADERS,
                        "<html><body><script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script></body></html>",
                        "Cloudflare challenge (challenge-platform orchestrate)"),
                Arguments.of("Imperva interruption page", 200, NO_HEADERS,
                        "<html><head><title>Pardon Our Interruption</title></head><body>bot?</body></html>",
                        "Imperva/Distil challenge (\"Pardon Our Interruption\")"),
                Arguments.of("Incapsula incident page", 200, NO_HEADERS,
                        "<html><body>Request unsuccessful. Incapsula incident ID: 1234-5678</body></html>",
                        "Imperva Incapsula block (incident ID)"),
                Arguments.of("Incapsula resource script on a small page", 200, NO_HEADERS,
                        "<html><body><script src=\"/_Incapsula_Resource?SWJIYLWA=719d34d31c8e3a6e6fffd425f7e032f3\"></script></body></html>",
                        "Imperva Incapsula challenge"),
                Arguments.of("DDoS-Guard check", 403, NO_HEADERS,
                        "<html><head><title>DDoS-Guard</title></head><body>Checking your browser</body></html>",
                        "DDoS-Guard challenge"),
                Arguments.of("AWS WAF captcha", 405, NO_HEADERS,
                        "<html><body><script src=\"https://abc.token.awswaf.com/abc/challenge.js\"></script></body></html>",
                        "AWS WAF challenge"),
                Arguments.of("Akamai edge error page", 403, NO_HEADERS,
                        "<html><body>You don't have permission. https://errors.edgesuite.net/18.5d3b1402</body></html>",
                        "Akamai block (errors.edgesuite.net)"),
                Arguments.of("challenge title at a small 200", 200, NO_HEADERS,
                        "<html><head><title>Please wait...</title></head><body>Redirecting</body></html>",
                        "bot wall (title \"Please wait...\")"),
                Arguments.of("generic 429 captcha", 429, NO_HEADERS,
                        "<html><body>Please solve this CAPTCHA to continue.</body></html>",
                        "bot wall (HTTP 429 page mentioning \"captcha\")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("challenges")
    void recognisesAChallenge(String what, int status, Map<String, List<String>> headers, String body, String expected) {
        assertEquals(Optional.of(expected), ChallengeDetector.challenge(status, headers, bytes(body)));
    }

    static Stream<Arguments> realDocuments() {
        String longPolicy = "<p>We use DataDome (captcha-delivery.com) to protect our service. Access Denied errors"
                + " show a reference # you can send us. Press &amp; Hold the button on mobile.</p>".repeat(1)
                + "<p>" + "These terms govern your use of the service. ".repeat(2000) + "</p>";
        return Stream.of(
                Arguments.of("ordinary terms", 200, "<html><head><title>Terms of Service</title></head><body><p>Terms.</p></body></html>"),
                Arguments.of("large policy quoting vendor markers", 200, "<html><body>" + longPolicy + "</body></html>"),
                Arguments.of("404 page", 404, "<html><body>Page not found</body></html>"),
                Arguments.of("403 without any marker", 403, "<html><body>Forbidden</body></html>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realDocuments")
    void letsARealDocumentThrough(String what, int status, String body) {
        assertEquals(Optional.empty(), ChallengeDetector.challenge(status, NO_HEADERS, bytes(body)));
    }

    /**
     * Snapshots of real policies from Open Terms Archive, kept with the parity cases
     * (src/test/resources/parity/README.md); those on Cloudflare carry its challenge-platform/scripts/jsd script.
     */
    static Stream<Path> corpusPages() throws IOException, URISyntaxException {
        Path cases = Path.of(ChallengeDetectorTest.class.getResource("/parity").toURI());
        try (Stream<Path> files = Files.walk(cases)) {
            List<Path> pages = files.filter(f -> f.toString().contains("/snapshots/") && f.toString().endsWith(".html"))
                    .sorted().toList();
            assertEquals(6, pages.size(), "snapshots of the parity cases in " + cases);
            return pages.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusPages")
    void flagsNoRealCorpusPageServedWith200(Path page) throws IOException {
        URI url = URI.create("https://example.com/terms");
        FetchedDocument document = new FetchedDocument(url, url, FetcherKind.HTTP, 200, "HTTP/1.1 200 OK",
                Map.of("content-type", List.of("text/html; charset=utf-8")), "text/html", Files.readAllBytes(page), Instant.now());

        assertEquals(Optional.empty(), ChallengeDetector.challenge(document));
        assertFalse(BrowserFallback.looksBlockedOrEmpty(document), "a real page must not send us to the browser");
    }

    @Test
    void turnsAChallengeIntoABlockedFailureNamingIt() {
        FetchedDocument challenge = document(403, "<html><head><title>Just a moment...</title></head></html>");

        FetchException failure = assertThrows(FetchException.class, () -> ChallengeDetector.requireNoChallenge(challenge));

        assertEquals(FetchException.Kind.BLOCKED, failure.kind());
        assertEquals("https://example.com/terms: blocked by a bot wall: Cloudflare challenge (\"Just a moment...\"), HTTP 403",
                failure.getMessage());
    }

    @Test
    void passesARealDocumentOnUnchanged() throws FetchException {
        FetchedDocument terms = document(200, "<html><body><h1>Terms</h1></body></html>");

        assertSame(terms, ChallengeDetector.requireNoChallenge(terms));
    }

    @Test
    void neverLooksForMarkersInAPdf() {
        FetchedDocument pdf = new FetchedDocument(URI.create("https://example.com/t.pdf"), URI.create("https://example.com/t.pdf"),
                FetcherKind.HTTP, 200, "HTTP/1.1 200 OK", NO_HEADERS, "application/pdf", bytes("%PDF-1.7 cf-chl"), Instant.now());

        assertTrue(ChallengeDetector.challenge(pdf).isEmpty());
    }

    private static FetchedDocument document(int status, String body) {
        URI url = URI.create("https://example.com/terms");
        return new FetchedDocument(url, url, FetcherKind.BROWSER, status, "HTTP/1.1 " + status, NO_HEADERS, "text/html",
                bytes(body), Instant.now());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
