package org.clausecam.fetch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each failure mode of the {@link FaultServer} looks like to a plain HTTP client. */
class FaultServerTest {

    private FaultServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = FaultServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void servesATermsPage() throws FetchException {
        FetchedDocument document = LoopbackClient.get(server.url("/ok/terms"));

        assertEquals(200, document.status());
        assertEquals("text/html", document.mimeType());
        assertTrue(new String(document.content()).contains("Terms of Service"));
    }

    @Test
    void answersTheStatusAsked() {
        FetchException failure = assertThrows(FetchException.class, () -> LoopbackClient.get(server.url("/status/500/x")));

        assertEquals(FetchException.Kind.TRANSIENT, failure.kind());
        assertTrue(failure.getMessage().contains("HTTP/1.1 500"), failure.getMessage());
    }

    @Test
    void asksToRetryAfterTheGivenDelayOnceThenServes() throws FetchException {
        URI url = server.url("/retry-after/429/7/terms");

        FetchException first = assertThrows(FetchException.class, () -> LoopbackClient.get(url));

        assertEquals(Duration.ofSeconds(7), first.retryAfter().orElseThrow());
        assertEquals(200, LoopbackClient.get(url).status());
    }

    @Test
    void resetsTheConnectionMidBody() {
        FetchException failure = assertThrows(FetchException.class, () -> LoopbackClient.get(server.url("/reset/terms")));

        assertEquals(FetchException.Kind.TRANSIENT, failure.kind());
    }

    @Test
    void neverFinishesAnEndlessBody() {
        FetchException failure = assertThrows(FetchException.class,
                () -> LoopbackClient.get(server.url("/never-ending/terms"), Duration.ofMillis(500)));

        assertTrue(failure.getMessage().contains("not finished within 500 ms"), failure.getMessage());
    }

    @Test
    void holdsAHangingResponseOpen() {
        FetchException failure = assertThrows(FetchException.class,
                () -> LoopbackClient.get(server.url("/hang/pixel.png"), Duration.ofMillis(300)));

        assertEquals(FetchException.Kind.TRANSIENT, failure.kind());
    }

    @Test
    void redirectsInALoop() {
        FetchException failure = assertThrows(FetchException.class, () -> LoopbackClient.get(server.url("/redirect-loop/a")));

        assertTrue(failure.getMessage().contains("302"), failure.getMessage());
    }

    @Test
    void announcesAFiftyMegabyteBody() {
        FetchException failure = assertThrows(FetchException.class, () -> LoopbackClient.get(server.url("/huge/50/terms")));

        assertTrue(failure.getMessage().contains("response of 52428800 bytes"), failure.getMessage());
    }

    @Test
    void answersWithABotChallenge() {
        FetchException failure = assertThrows(FetchException.class, () -> LoopbackClient.get(server.url("/challenge/terms")));

        assertEquals(FetchException.Kind.BLOCKED, failure.kind());
        assertTrue(failure.getMessage().contains("Cloudflare challenge"), failure.getMessage());
    }

    @Test
    void servesAddedPagesAndNothingElse() throws FetchException {
        server.page("/legal/terms.html", "<html><body>Our terms</body></html>");

        assertEquals("<html><body>Our terms</body></html>", new String(LoopbackClient.get(server.url("/legal/terms.html")).content()));
        FetchException missing = assertThrows(FetchException.class, () -> LoopbackClient.get(server.url("/legal/privacy.html")));
        assertEquals(FetchException.Kind.PERMANENT, missing.kind());
    }

    @Test
    void countsRequestsPerPathAndHost() throws FetchException {
        LoopbackClient.get(server.url("a.localhost", "/ok/1"));
        LoopbackClient.get(server.url("a.localhost", "/ok/2"));
        LoopbackClient.get(server.url("B.Localhost", "/ok/1"));

        assertEquals(2, server.requestCount("/ok/1"));
        assertEquals(Map.of("a.localhost", 2, "b.localhost", 1), server.requestsPerHost());
        assertEquals(1, server.maxInFlight("a.localhost"));
    }

    @Test
    void inFlakyModeFailsTheFirstAttemptOfASeededShareOfPaths() throws IOException, FetchException {
        try (FaultServer flaky = FaultServer.startFlaky(0.3, 42)) {
            List<String> paths = IntStream.rangeClosed(1, 100).mapToObj(i -> "/ok/doc" + i).toList();
            long failing = paths.stream().filter(flaky::failsFirstAttempt).count();

            for (String path : paths) {
                URI url = flaky.url(path);
                if (flaky.failsFirstAttempt(path)) {
                    assertEquals(FetchException.Kind.TRANSIENT,
                            assertThrows(FetchException.class, () -> LoopbackClient.get(url)).kind());
                }
                assertEquals(200, LoopbackClient.get(url).status());
            }

            assertTrue(failing >= 20 && failing <= 40, failing + " of 100 paths fail first");
            assertEquals(100 + failing, flaky.requests().size());
            assertFalse(server.failsFirstAttempt("/ok/doc1"), "only a flaky server fails first attempts");
        }
    }
}
