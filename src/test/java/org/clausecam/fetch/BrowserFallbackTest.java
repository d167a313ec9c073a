package org.clausecam.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowserFallbackTest {

    private static final String POLICY_TEXT = "We collect the data you give us when you create an account. ".repeat(20);

    private static FetchedDocument answer(int status, String mime, String body) {
        URI url = URI.create("https://example.org/privacy");
        return new FetchedDocument(url, url, FetcherKind.HTTP, status, HttpStatus.statusLine("HTTP/1.1", status, null),
                Map.of("content-type", List.of(mime + "; charset=utf-8")), mime,
                body.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    @Test
    void aCloudflareChallengeCallsForTheBrowser() {
        FetchedDocument challenge = answer(200, "text/html", "<html><head><title>Just a moment...</title></head>"
                + "<body><noscript>Enable JavaScript and cookies to continue</noscript>"
                + "<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script></body></html>");

        assertTrue(ChallengeDetector.challenge(challenge).isPresent());
        assertTrue(BrowserFallback.looksBlockedOrEmpty(challenge));
    }

    @Test
    void aChallengeWithEnoughTextToLookFullStillCallsForTheBrowser() {
        FetchedDocument challenge = answer(200, "text/html", "<html><head><title>Pardon Our Interruption</title></head>"
                + "<body><p>" + "As you were browsing something about your browser made us think you were a bot. ".repeat(5)
                + "</p></body></html>");

        assertFalse(BrowserFallback.looksEmpty(challenge));
        assertTrue(BrowserFallback.looksBlockedOrEmpty(challenge));
    }

    @Test
    void aForbiddenAnswerCallsForTheBrowser() {
        assertTrue(BrowserFallback.looksBlockedOrEmpty(answer(403, "text/html", "<p>" + POLICY_TEXT + "</p>")));
    }

    @Test
    void aScriptShellWithoutTextCallsForTheBrowser() {
        FetchedDocument shell = answer(200, "text/html", "<html><body><div id=\"root\"></div>"
                + "<noscript>You need to enable JavaScript to run this app.</noscript>"
                + "<script src=\"/static/app.js\"></script></body></html>");

        assertTrue(BrowserFallback.looksEmpty(shell));
        assertTrue(BrowserFallback.looksBlockedOrEmpty(shell));
    }

    @Test
    void aRealPolicyIsKeptEvenWhenItNamesItsCdn() {
        FetchedDocument policy = answer(200, "text/html", "<html><head><title>Privacy Policy</title></head><body><main>"
                + "<p>" + POLICY_TEXT + "</p><p>Our pages are served through Cloudflare, which may verify you are human."
                + " " + POLICY_TEXT + "</p></main></body></html>");

        assertFalse(BrowserFallback.looksBlockedOrEmpty(policy));
    }

    @Test
    void aPdfIsJudgedOnlyOnBeingEmpty() {
        assertFalse(BrowserFallback.looksBlockedOrEmpty(answer(200, "application/pdf", "%PDF-1.4 ...")));
        assertTrue(BrowserFallback.looksBlockedOrEmpty(answer(200, "application/pdf", "")));
    }
}
