package org.clausecam.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFetcherTest {

    private final FixtureServer server = new FixtureServer();
    private final HttpFetcher fetcher = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).build());

    @AfterEach
    void stop() {
        server.close();
        fetcher.close();
    }

    @Test
    void closingTheFetcherEndsTheThreadItsClientStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        HttpFetcher closing = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).build());
        server.serve("/terms", "text/html", "<p>terms</p>");
        closing.fetch(server.url("/terms"));
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().endsWith("-SelectorManager")).toList();
        assertEquals(1, started.size(), "the client's selector thread: " + started);

        closing.close();

        // Left running, it would hold the JVM's exit for 300 ms (docs/benchmarks.md, "One-off capture").
        started.get(0).join(Duration.ofSeconds(10).toMillis());
        assertFalse(started.get(0).isAlive());
    }

    @Test
    void anHtmlPageComesBackWithItsStatusLineLowerCasedHeadersAndMimeType() throws Exception {
        server.handle("/privacy", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("X-Policy-Version", "7");
            FixtureServer.send(exchange, 200, "<html><body>Privacy</body></html>".getBytes(StandardCharsets.UTF_8));
        });

        FetchedDocument document = fetcher.fetch(server.url("/privacy"));

        assertEquals(200, document.status());
        assertEquals("HTTP/1.1 200 OK", document.statusLine());
        assertEquals(List.of("7"), document.headers().get("x-policy-version"));
        assertEquals("text/html", document.mimeType());
        assertEquals(FetcherKind.HTTP, document.fetcher());
        assertEquals("<html><body>Privacy</body></html>", new String(document.content(), StandardCharsets.UTF_8));
    }

    @Test
    void aPdfArrivesByteForByte() throws Exception {
        byte[] pdf = FixtureServer.resource("/fetch/terms.pdf");
        server.serve("/terms.pdf", 200, "application/pdf", pdf);

        FetchedDocument document = fetcher.fetch(server.url("/terms.pdf"));

        assertTrue(document.isPdf());
        assertArrayEquals(pdf, document.content());
    }

    @Test
    void redirectsAreFollowedAndTheLocationIsTheLastHop() throws Exception {
        server.redirect("/old", 301, "/moved")
                .redirect("/moved", 302, server.url("/terms").toString())
                .serve("/terms", "text/html", "<p>terms</p>");

        FetchedDocument document = fetcher.fetch(server.url("/old"));

        assertEquals(server.url("/old"), document.requested());
        assertEquals(server.url("/terms"), document.location());
    }

    @Test
    void aRedirectLoopIsNamedAndNotRetried() {
        server.redirect("/a", 302, "/b").redirect("/b", 302, "/a");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/a")));

        assertEquals(FetchException.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("redirect loop"), e.getMessage());
        assertEquals(1, server.hits("/a"));
    }

    @Test
    void tooManyRedirectsStopAtTheLimit() {
        for (int i = 0; i < 5; i++) {
            server.redirect("/hop" + i, 302, "/hop" + (i + 1));
        }
        HttpFetcher strict = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).maxRedirects(3).build());

        FetchException e = assertThrows(FetchException.class, () -> strict.fetch(server.url("/hop0")));

        assertEquals(FetchException.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("more than 3 redirects"), e.getMessage());
    }

    @Test
    void notFoundAndGoneArePermanent() {
        server.serve("/gone", 410, "text/html", "<p>gone</p>".getBytes(StandardCharsets.UTF_8));

        FetchException notFound = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/missing")));
        FetchException gone = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/gone")));

        assertEquals(FetchException.Kind.PERMANENT, notFound.kind());
        assertEquals(404, notFound.status());
        assertEquals(FetchException.Kind.PERMANENT, gone.kind());
        assertTrue(gone.getMessage().contains("HTTP/1.1 410 Gone"), gone.getMessage());
    }

    @Test
    void serverErrorsAndTooManyRequestsAreTransientAndKeepRetryAfter() {
        server.handle("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            FixtureServer.send(exchange, 503, "<p>try later</p>".getBytes(StandardCharsets.UTF_8));
        });
        server.serve("/limited", 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));

        FetchException busy = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/busy")));
        FetchException limited = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/limited")));

        assertEquals(FetchException.Kind.TRANSIENT, busy.kind());
        assertEquals(Duration.ofSeconds(120), busy.retryAfter().orElseThrow());
        assertEquals(FetchException.Kind.TRANSIENT, limited.kind());
        assertTrue(limited.retryAfter().isEmpty());
    }

    @Test
    void aChallengePageIsBlockedWhateverItsStatus() {
        server.serve("/challenge", 503, "text/html",
                ("<html><head><title>Just a moment...</title></head><body>Enable JavaScript and cookies to continue"
                        + "</body></html>").getBytes(StandardCharsets.UTF_8));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/challenge")));

        assertEquals(FetchException.Kind.BLOCKED, e.kind());
        assertTrue(e.answer().isPresent());
    }

    @Test
    void aConnectionRefusedIsTransient() {
        FixtureServer stopped = new FixtureServer();
        java.net.URI url = stopped.url("/terms");
        stopped.close();

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(url));

        assertEquals(FetchException.Kind.TRANSIENT, e.kind());
    }

    @Test
    void aBodyLargerThanTheLimitIsRefused() {
        server.serve("/huge", 200, "text/html", new byte[200_000]);
        HttpFetcher small = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).maxBytes(100_000).build());

        FetchException e = assertThrows(FetchException.class, () -> small.fetch(server.url("/huge")));

        assertEquals(FetchException.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    /** Systemic-risk reports run to 60 MB: a PDF may exceed the limit set for pages, up to 128 MiB. */
    @Test
    void aPdfLargerThanThePageLimitIsAcceptedUpToThePdfLimit() throws Exception {
        byte[] report = new byte[200_000];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, report, 0, 8);
        server.serve("/report.pdf", 200, "application/pdf", report);
        HttpFetcher small = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).maxBytes(100_000).build());

        FetchedDocument document = small.fetch(server.url("/report.pdf"));

        assertEquals(200_000, document.content().length);
        assertTrue(HttpFetcher.MIN_PDF_LIMIT >= 128L * 1024 * 1024);
    }

    @Test
    void aBodyWithoutLengthLargerThanTheLimitIsCutOff() {
        server.handle("/stream", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write(new byte[10_000]);
                }
            }
        });
        HttpFetcher small = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).maxBytes(100_000).build());

        FetchException e = assertThrows(FetchException.class, () -> small.fetch(server.url("/stream")));

        assertEquals(FetchException.Kind.PERMANENT, e.kind());
    }

    @Test
    void aBodyThatNeverEndsTimesOut() {
        server.handle("/endless", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                while (true) {
                    out.write("<p>more</p>".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException clientGone) {
                // The fetcher hung up, as it should.
            }
        });
        HttpFetcher impatient = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true)
                .timeout(Duration.ofSeconds(1))
                .build());

        FetchException e = assertThrows(FetchException.class, () -> impatient.fetch(server.url("/endless")));

        assertEquals(FetchException.Kind.TRANSIENT, e.kind());
        assertTrue(e.getMessage().contains("not complete within"), e.getMessage());
    }

    @Test
    void privateAddressesAreRefusedBeforeAnyRequestUnlessAllowed() {
        server.serve("/terms", "text/html", "<p>terms</p>");
        try (GuardedProxy proxy = new GuardedProxy(new NetworkGuard(false))) {
            HttpFetcher guarded = new HttpFetcher(HttpFetchOptions.defaults(), proxy);

            FetchException e = assertThrows(FetchException.class, () -> guarded.fetch(server.url("/terms")));

            assertEquals(FetchException.Kind.PERMANENT, e.kind());
            assertEquals(0, server.hits("/terms"));
            assertFalse(guarded.options().allowPrivateNetwork());
        }
    }

    @Test
    void aFetcherThatRefusesThePrivateNetworkCannotBeMadeWithoutTheCheckingProxy() {
        assertThrows(IllegalArgumentException.class, () -> new HttpFetcher(HttpFetchOptions.defaults()));
    }

    @Test
    void everyRedirectHopPassesTheGuard() {
        try (FixtureServer refusedHost = new FixtureServer("127.0.0.2");
             GuardedProxy proxy = new GuardedProxy(NetworkGuard.allowingOnly(Set.of("127.0.0.1")))) {
            refusedHost.serve("/latest/meta-data", "text/plain", "secret");
            server.redirect("/innocent", 302, refusedHost.url("/latest/meta-data").toString());
            HttpFetcher guarded = new HttpFetcher(HttpFetchOptions.defaults(), proxy);

            FetchException e = assertThrows(FetchException.class, () -> guarded.fetch(server.url("/innocent")));

            assertEquals(FetchException.Kind.PERMANENT, e.kind());
            assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
            assertEquals(1, server.hits("/innocent"));
            assertEquals(0, refusedHost.hits("/latest/meta-data"));
        }
    }

    @Test
    void hostNamesUnderLocalhostReachTheTestServerThroughItAsAProxy() throws Exception {
        server.handle("/terms", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            FixtureServer.send(exchange, 200, ("<p>terms of " + exchange.getRequestHeaders().getFirst("Host") + "</p>")
                    .getBytes(StandardCharsets.UTF_8));
        });
        int port = server.url("/").getPort();
        HttpFetcher viaServer = new HttpFetcher(HttpFetchOptions.defaults(), new NetworkGuard(true),
                java.net.ProxySelector.of(new java.net.InetSocketAddress("127.0.0.1", port)));

        FetchedDocument document = viaServer.fetch(java.net.URI.create("http://shop-a.localhost:" + port + "/terms"));

        assertEquals("<p>terms of shop-a.localhost:" + port + "</p>", new String(document.content(), StandardCharsets.UTF_8));
    }

    /**
     * The request goes to the host a browser reads in the URL, not to java.net's reading of it
     * (0177.0.0.1 would be 177.0.0.1 there). The test server stands in as the proxy, so whatever
     * the fetcher did, nothing left 127.0.0.1: the request line shows where it was headed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0177.0.0.1", "0x7f.1", "2130706433", "127.1", "0x7F.0.0.01"})
    void theRequestGoesToTheHostAsTheBrowserReadsIt(String host) throws Exception {
        List<String> targets = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.handle("/terms", exchange -> {
            targets.add(exchange.getRequestURI() + " Host: " + exchange.getRequestHeaders().getFirst("Host"));
            FixtureServer.send(exchange, 200, "<p>terms</p>".getBytes(StandardCharsets.UTF_8));
        });
        int port = server.url("/").getPort();
        HttpFetcher viaServer = new HttpFetcher(HttpFetchOptions.defaults(), new NetworkGuard(true),
                java.net.ProxySelector.of(new java.net.InetSocketAddress("127.0.0.1", port)));

        FetchedDocument document = viaServer.fetch(java.net.URI.create("http://" + host + ":" + port + "/terms"));

        assertEquals(List.of("http://127.0.0.1:" + port + "/terms Host: 127.0.0.1:" + port), targets);
        assertEquals(java.net.URI.create("http://127.0.0.1:" + port + "/terms"), document.location());
    }

    @Test
    void aRedirectIsResolvedAsTheBrowserResolvesIt() throws Exception {
        server.redirect("/old", 302, "\\\\0x7f.1:" + server.url("/").getPort() + "\\new terms");
        server.serve("/new terms", "text/html", "<p>new</p>"); // the fixture server matches decoded paths
        HttpFetcher local = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).build());

        FetchedDocument document = local.fetch(server.url("/old"));

        assertEquals("<p>new</p>", new String(document.content(), StandardCharsets.UTF_8));
        assertEquals(server.url("/new%20terms"), document.location());
    }

    @Test
    void redirectsToLocationsThatJavaNetUriRefusesAreFollowedAsBrowsersFollowThem() throws Exception {
        server.redirect("/cg", 302, "/conditions générales").serve("/conditions générales", "text/html", "<p>cg</p>");
        server.redirect("/params", 302, "/p?a=1|2").serve("/p", "text/html", "<p>p</p>");
        HttpFetcher local = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).build());

        FetchedDocument accented = local.fetch(server.url("/cg"));
        FetchedDocument piped = local.fetch(server.url("/params"));

        assertEquals(server.url("/conditions%20g%C3%A9n%C3%A9rales"), accented.location());
        assertEquals(server.url("/p?a=1%7C2"), piped.location());
    }

    @Test
    void aBodyThatStallsAfterTheHeadersTimesOut() {
        server.handle("/stalled", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        HttpFetcher impatient = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true)
                .timeout(Duration.ofSeconds(1))
                .build());

        FetchException e = assertThrows(FetchException.class, () -> impatient.fetch(server.url("/stalled")));

        assertEquals(FetchException.Kind.TRANSIENT, e.kind());
    }
}
