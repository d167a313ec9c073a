package org.clausecam.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.clausecam.fetch.BrowserFallback;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.fetch.FetcherKind;
import org.clausecam.fetch.FixtureServer;
import org.clausecam.fetch.HttpFetchOptions;
import org.clausecam.fetch.GuardedProxy;
import org.clausecam.fetch.HttpFetcher;
import org.clausecam.fetch.NetworkGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real Chromium and a real HTTP server on 127.0.0.1. */
class PageCapturerTest {

    private static final int TALL_PAGE_HEIGHT = 12 * 9000 + 300;
    private static final int[] TALL_BANDS = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b,
            0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf, 0x393b79, 0x637939};
    private static final int TALL_BOTTOM_MARKER = 0x00c800;

    private static FixtureServer server;
    /** One Chromium for the class, as one agent has; its pages may reach the test server. */
    private static Chromium chromium;
    private static PageCapturer capturer;
    /** The checking proxy of a guard that lets only the test server's 127.0.0.1 through. */
    private static GuardedProxy loopbackOnly;
    private static final HttpFetcher http = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).build());

    @BeforeAll
    static void startChromium() {
        chromium = new Chromium(System.getenv(), Chromium.DEFAULT_PAGES_IN_FLIGHT);
        capturer = PageCapturer.unguarded(chromium);
        loopbackOnly = new GuardedProxy(NetworkGuard.allowingOnly(Set.of("127.0.0.1")));
    }

    @AfterAll
    static void closeChromium() {
        chromium.close();
        loopbackOnly.close();
    }

    @BeforeAll
    static void serveFixtures() {
        server = new FixtureServer()
                .serveResource("/scripted.html", "text/html; charset=utf-8", "/capture/scripted.html")
                .serveResource("/plain-policy.html", "text/html; charset=utf-8", "/capture/plain-policy.html")
                .serveResource("/plain-policy.css", "text/css", "/capture/plain-policy.css")
                .serveResource("/tall.html", "text/html; charset=utf-8", "/capture/tall.html")
                .serve("/hanging-image.png", 200, "image/png", new byte[0])
                .handle("/never-loads.html", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/html");
                    FixtureServer.send(exchange, 200, ("<html><body><p>Text that arrived.</p>"
                            + "<img src=\"/image-that-never-comes.png\"></body></html>").getBytes(StandardCharsets.UTF_8));
                })
                .handle("/image-that-never-comes.png", exchange -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .serve("/pixel.png", 200, "image/png", new byte[0]);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPageWhoseUrlJavaNetUriRefusesIsRenderedAtTheUrlTheBrowserReached() throws Exception {
        // The test server refuses such a request line, so the page moves there itself, as pages may.
        server.serve("/piped.html", "text/html",
                "<html><body><p>piped</p><script>history.replaceState(null, '', '/piped.html?a=1|2')</script></body></html>");

        RenderedPage rendered = capturer.render(server.url("/piped.html"), RenderOptions.builder().screenshot(false).build());

        assertEquals(server.url("/piped.html?a=1%7C2"), rendered.document().location());
    }

    @Test
    void aPageBuiltByScriptsIsRenderedWithItsScriptedContent() throws Exception {
        URI url = server.url("/scripted.html");

        FetchedDocument plain = http.fetch(url);
        RenderedPage rendered = capturer.render(url, RenderOptions.builder()
                .screenshot(false)
                .waitForSelectors(List.of("#terms[data-ready]"))
                .build());

        assertFalse(new String(plain.content(), StandardCharsets.UTF_8).contains("<p>3. Clause"));
        assertTrue(BrowserFallback.looksBlockedOrEmpty(plain), "plain HTTP gets an empty shell: the browser must be tried");
        String html = new String(rendered.document().content(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<p>3. Clause written by JavaScript: rendered-only-by-scripts.</p>"), html);
        assertEquals(FetcherKind.BROWSER, rendered.document().fetcher());
        assertEquals(200, rendered.document().status());
        assertEquals("HTTP/1.1 200 OK", rendered.document().statusLine());
        assertEquals(List.of("text/html; charset=utf-8"), rendered.document().headers().get("content-type"));
        assertEquals("text/html", rendered.document().mimeType());
        assertEquals(List.of(), rendered.missingSelectors());
        assertNull(rendered.screenshot());
    }

    @Test
    void aPageThatMovesIsPicturedStillSoTwoCapturesOfItAreAlike() throws Exception {
        server.serve("/moving.html", "text/html; charset=utf-8", "<html><head><style>"
                + "@keyframes pulse { from { background: #c00; } to { background: #00c; } }"
                + ".banner { height: 200px; animation: pulse 0.3s infinite alternate; }"
                + ".fade { height: 200px; background: #0a0; transition: opacity 5s; }"
                + "</style></head><body><div class=\"banner\"></div><div class=\"fade\" id=\"f\"></div>"
                + "<input id=\"q\" type=\"text\"><p>Terms that do not move.</p>"
                + "<script>document.getElementById('q').focus(); requestAnimationFrame(() => "
                + "document.getElementById('f').style.opacity = '0.2');</script></body></html>");

        RenderedPage first = capturer.render(server.url("/moving.html"), RenderOptions.defaults());
        RenderedPage second = capturer.render(server.url("/moving.html"), RenderOptions.defaults());

        assertArrayEquals(first.screenshot().png(), second.screenshot().png(),
                "an endless animation, a running transition and a blinking caret are pictured still");
    }

    @Test
    void aWebFontThatNeverArrivesDoesNotHoldThePicture() throws Exception {
        // The font's answer waits until the capture is over: a picture that waited for every
        // font would wait for ever (until the browser is taken back and the capture fails).
        CountDownLatch captureOver = new CountDownLatch(1);
        server.handle("/font-that-never-comes.woff2", exchange -> {
            try {
                captureOver.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FixtureServer.send(exchange, 404, new byte[0]);
        });
        server.serve("/hanging-font.html", "text/html; charset=utf-8", "<html><head><style>"
                + "@font-face { font-family: Slow; src: url(/font-that-never-comes.woff2) format('woff2'); }"
                + "body { font-family: Slow, sans-serif; }</style></head><body><p>Terms in a font that never comes.</p></body></html>");

        RenderedPage rendered;
        try {
            rendered = capturer.render(server.url("/hanging-font.html"), RenderOptions.builder()
                    .navigationTimeout(Duration.ofSeconds(5)).build());
        } finally {
            captureOver.countDown();
        }

        assertNotNull(rendered.screenshot(), "pictured in a fallback font");
        assertTrue(new String(rendered.document().content(), StandardCharsets.UTF_8).contains("never comes"));
    }

    @Test
    void aPageWithTextFieldsIsKeptAsItWasNotAsThePictureLeftIt() throws Exception {
        // Playwright's own caret hiding leaves an empty style attribute on every text field: the
        // page then read as changed while pictured, was pictured twice, and kept the attribute.
        server.serve("/search-form.html", "text/html; charset=utf-8", "<html><body><h1>Privacy</h1>"
                + "<form><input id=\"q\" type=\"text\" placeholder=\"Search\"><textarea id=\"t\"></textarea></form>"
                + "<p>We keep your data.</p><script>document.getElementById('q').focus()</script></body></html>");

        RenderedPage rendered = capturer.render(server.url("/search-form.html"), RenderOptions.defaults());

        String html = new String(rendered.document().content(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<input id=\"q\" type=\"text\" placeholder=\"Search\"><textarea id=\"t\"></textarea>"), html);
        assertFalse(rendered.changedWhilePictured());
        assertNotNull(rendered.screenshot());
    }

    @Test
    void aPagePlainHttpSufficesForIsPicturedFromTheFetchedBytesWithItsRelativeStylesheet() throws Exception {
        FetchedDocument fetched = http.fetch(server.url("/plain-policy.html"));

        Screenshot shot = capturer.screenshot(fetched, ScreenshotOptions.defaults());

        assertFalse(BrowserFallback.looksBlockedOrEmpty(fetched), "the whole text is in the HTML");
        assertEquals(1, server.hits("/plain-policy.html"), "the browser showed the fetched bytes, it did not fetch again");
        assertEquals(1280, shot.width());
        assertEquals(shot.pageHeight(), shot.height());
        assertFalse(shot.stitched());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot.png()));
        assertEquals(shot.height(), image.getHeight());
        int banner = image.getRGB(1000, 150);
        assertTrue(PngRows.near(banner, 0x1478c8), "banner colour from plain-policy.css, got " + PngRows.hex(banner));
    }

    @Test
    void aPageTallerThanWhatOneShotRendersIsStitchedDownToItsVeryBottom() throws Exception {
        PeakMemory memory = PeakMemory.start();
        Instant start = Instant.now();

        RenderedPage rendered = capturer.render(server.url("/tall.html"), RenderOptions.defaults());

        Duration took = Duration.between(start, Instant.now());
        PeakMemory.Peak peak = memory.stop();
        Screenshot shot = rendered.screenshot();
        System.out.printf("tall fixture: %dx%d px, %s, %d bytes PNG, %d ms wall; CPU: JVM %.1f s, Chromium+driver %.1f s;"
                        + " peak JVM heap %d MB, peak Chromium+driver PSS %d MB%n",
                shot.width(), shot.height(), shot.stitched() ? "stitched" : "single shot", shot.png().length,
                took.toMillis(), peak.jvmCpuSeconds(), peak.childrenCpuSeconds(), peak.jvmHeapMb(), peak.chromiumPssMb());

        assertEquals(TALL_PAGE_HEIGHT, shot.pageHeight());
        assertEquals(TALL_PAGE_HEIGHT, shot.height());
        assertEquals(1280, shot.width());
        assertTrue(shot.stitched());
        assertFalse(shot.truncated());
        BufferedImage bottom = PngRows.rows(shot.png(), shot.height() - 50, 50);
        for (int y = 0; y < 50; y += 7) {
            for (int x = 900; x < 1280; x += 95) {
                int pixel = bottom.getRGB(x, y);
                assertTrue(PngRows.near(pixel, TALL_BOTTOM_MARKER),
                        "row " + (shot.height() - 50 + y) + " shows the bottom marker, got " + PngRows.hex(pixel));
            }
        }
        BufferedImage sampled = PngRows.everyNthRow(shot.png(), 100);
        for (int band = 0; band < TALL_BANDS.length; band++) {
            for (int y : new int[] {band * 9000 + 100, band * 9000 + 4500, band * 9000 + 8900}) {
                int pixel = sampled.getRGB(1200, y / 100);
                assertTrue(PngRows.near(pixel, TALL_BANDS[band]),
                        "row " + y + " shows band " + band + " " + PngRows.hex(TALL_BANDS[band]) + ", got " + PngRows.hex(pixel));
            }
        }
    }

    @Test
    void aPageWhoseTermsScrollInsideABoxFillingTheWindowIsPicturedWholeAndKeptAsItWas() throws Exception {
        // An application shell: the document is one window tall and the terms scroll inside
        // <main>, so a picture of the document alone would show only their first screen.
        server.serve("/app-shell.html", "text/html; charset=utf-8", "<html><head><style>"
                + "html, body { height: 100%; margin: 0; overflow: hidden; } body { display: flex; flex-direction: column; }"
                + "header { height: 60px; } main { flex: 1 1 0; overflow-y: auto; } p { height: 40px; margin: 0; }"
                + "#end { height: 40px; background: #00c800; }</style></head><body><header>Example</header><main>"
                + "<p>Clause</p>".repeat(200) + "<div id=\"end\"></div></main></body></html>");

        RenderedPage rendered = capturer.render(server.url("/app-shell.html"), RenderOptions.defaults());

        Screenshot shot = rendered.screenshot();
        assertEquals(60 + 200 * 40 + 40, shot.height(), "the header, every clause and the end of <main>");
        int last = PngRows.rows(shot.png(), shot.height() - 20, 1).getRGB(640, 0);
        assertTrue(PngRows.near(last, 0x00c800), "the last rows show the end of the terms, got " + PngRows.hex(last));
        String html = new String(rendered.document().content(), StandardCharsets.UTF_8);
        assertFalse(html.contains("data-clausecam"), "the snapshot is the page as it was, not as it was pictured: " + html);
        assertFalse(rendered.changedWhilePictured());
    }

    @Test
    void aFixedLayerWhoseTermsScrollOverAPageABitTallerThanTheWindowIsPicturedWhole() throws Exception {
        // The document scrolls by a footer's height; the layer hides far more than that.
        server.serve("/fixed-layer.html", "text/html; charset=utf-8", "<html><head><style>"
                + "body { margin: 0; } footer { height: 900px; } .layer { position: fixed; inset: 0; overflow-y: scroll; }"
                + ".layer p { height: 40px; margin: 0; } #end { height: 40px; background: #00c800; }</style></head><body>"
                + "<footer>Footer</footer><div class=\"layer\">" + "<p>Clause</p>".repeat(100) + "<div id=\"end\"></div></div>"
                + "</body></html>");

        RenderedPage rendered = capturer.render(server.url("/fixed-layer.html"), RenderOptions.defaults());

        Screenshot shot = rendered.screenshot();
        assertEquals(100 * 40 + 40, shot.height(), "every clause and the end of the layer");
        int last = PngRows.rows(shot.png(), shot.height() - 20, 1).getRGB(640, 0);
        assertTrue(PngRows.near(last, 0x00c800), "the last rows show the end of the terms, got " + PngRows.hex(last));
    }

    @Test
    void aSmallBoxThatScrollsIsPicturedAsThePageShowsIt() throws Exception {
        // A side menu is no page's terms: the picture is the window the document fills.
        server.serve("/scrolling-menu.html", "text/html; charset=utf-8", "<html><head><style>"
                + "body { margin: 0; } nav { width: 300px; height: 400px; overflow-y: auto; } nav p { height: 40px; margin: 0; }"
                + "</style></head><body><nav>" + "<p>Link</p>".repeat(50) + "</nav><p>Terms in a page shorter than the window.</p>"
                + "</body></html>");

        RenderedPage rendered = capturer.render(server.url("/scrolling-menu.html"), RenderOptions.defaults());

        assertEquals(800, rendered.screenshot().height());
    }

    @Test
    void aPageTallerThanTheLimitIsCutThereAndSaysSo() throws Exception {
        RenderedPage rendered = capturer.render(server.url("/tall.html"),
                RenderOptions.builder().maxScreenshotHeight(20_000).build());

        Screenshot shot = rendered.screenshot();
        assertEquals(20_000, shot.height());
        assertEquals(TALL_PAGE_HEIGHT, shot.pageHeight());
        assertTrue(shot.truncated());
        int lastRow = PngRows.rows(shot.png(), 19_999, 1).getRGB(1200, 0);
        assertTrue(PngRows.near(lastRow, TALL_BANDS[2]), "row 19,999 is in band 2, got " + PngRows.hex(lastRow));
    }

    @Test
    void aMissingPageIsAPermanentFailureInTheBrowserToo() {
        FetchException e = assertThrows(FetchException.class,
                () -> capturer.render(server.url("/no-such-page.html"), RenderOptions.builder().screenshot(false).build()));

        assertEquals(FetchException.Kind.PERMANENT, e.kind());
        assertEquals(404, e.status());
    }

    @Test
    void aPageWhoseLoadNeverFiresIsTakenAsItIs() throws Exception {
        RenderedPage rendered = capturer.render(server.url("/never-loads.html"),
                RenderOptions.builder().navigationTimeout(Duration.ofSeconds(2)).build());

        assertTrue(rendered.loadTimedOut());
        assertTrue(new String(rendered.document().content(), StandardCharsets.UTF_8).contains("Text that arrived."));
        assertTrue(rendered.screenshot().height() > 0);
    }

    /** Chromium commits a page whose body broke off and never fires load: that partial page is no document. */
    @Test
    void aConnectionResetInTheMiddleOfTheBodyIsATransientFailureNotAPartialPage() throws Exception {
        try (org.clausecam.fetch.FaultServer faults = org.clausecam.fetch.FaultServer.start()) {
            FetchException e = assertThrows(FetchException.class, () -> capturer.render(faults.url("/reset/terms"),
                    RenderOptions.builder().navigationTimeout(Duration.ofSeconds(10)).build()));

            assertEquals(FetchException.Kind.TRANSIENT, e.kind());
            assertTrue(e.getMessage().contains("broke off after HTTP 200 (net::ERR_CONNECTION_RESET)"), e.getMessage());
        }
    }

    @Test
    void aPageWhoseBodyNeverEndsIsTakenAsFarAsItCame() throws Exception {
        server.handle("/endless-body.html", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                out.write("<html><body><p>The first clauses arrived.</p>".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException browserHungUp) {
                // The capture ended and closed its context, as it should.
            }
        });

        RenderedPage rendered = capturer.render(server.url("/endless-body.html"),
                RenderOptions.builder().navigationTimeout(Duration.ofSeconds(2)).build());

        assertTrue(rendered.loadTimedOut());
        assertTrue(new String(rendered.document().content(), StandardCharsets.UTF_8).contains("The first clauses arrived."));
        assertTrue(rendered.screenshot().height() > 0);
    }

    @Test
    void aSelectorThatNeverAppearsIsReportedNotFatal() throws Exception {
        RenderedPage rendered = capturer.render(server.url("/plain-policy.html"), RenderOptions.builder()
                .screenshot(false)
                .waitForSelectors(List.of("main", "#never-there"))
                .selectorTimeout(Duration.ofMillis(500))
                .build());

        assertEquals(1, rendered.missingSelectors().size());
        assertTrue(rendered.missingSelectors().get(0).startsWith("#never-there"));
    }

    @Test
    void capturesFromSeveralThreadsAtOnceAllSucceed() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<RenderedPage>> inFlight = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                inFlight.add(callers.submit(() -> capturer.render(server.url("/scripted.html"),
                        RenderOptions.builder().screenshot(false).build())));
            }
            for (Future<RenderedPage> capture : inFlight) {
                String html = new String(capture.get().document().content(), StandardCharsets.UTF_8);
                assertTrue(html.contains("rendered-only-by-scripts"));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aGuardedCaptureRefusesLoopbackWithoutStartingTheBrowser() {
        try (Chromium unused = new Chromium(System.getenv(), 4, 1);
             GuardedProxy refusing = new GuardedProxy(new NetworkGuard(false))) {
            PageCapturer guarded = PageCapturer.guarded(unused, refusing);

            FetchException e = assertThrows(FetchException.class,
                    () -> guarded.render(server.url("/plain-policy.html"), RenderOptions.defaults()));

            assertEquals(FetchException.Kind.PERMANENT, e.kind());
            assertFalse(unused.started());
        }
    }

    @Test
    void theBrowserGuardAbortsSubresourcesOnRefusedAddresses() throws Exception {
        try (FixtureServer refusedHost = new FixtureServer("127.0.0.2")) {
            refusedHost.serve("/pixel.png", 200, "image/png", new byte[0]);
            server.serve("/embeds-refused-image.html", "text/html", "<html><body><p>Terms</p><img src=\""
                    + refusedHost.url("/pixel.png") + "\"></body></html>");
            PageCapturer guarded = PageCapturer.guarded(chromium, loopbackOnly);
            RenderOptions options = RenderOptions.builder().screenshot(false).build();

            guarded.render(server.url("/embeds-refused-image.html"), options);
            int guardedHits = refusedHost.hits("/pixel.png");
            capturer.render(server.url("/embeds-refused-image.html"), options);

            assertEquals(0, guardedHits);
            assertEquals(1, refusedHost.hits("/pixel.png"), "without the guard the same page does load the image");
        }
    }

    @Test
    void aRedirectToARefusedAddressFailsTheBrowserCapture() {
        try (FixtureServer refusedHost = new FixtureServer("127.0.0.2")) {
            refusedHost.serve("/latest/meta-data", "text/html", "<p>secret</p>");
            server.redirect("/redirects-to-refused", 302, refusedHost.url("/latest/meta-data").toString());
            PageCapturer guarded = PageCapturer.guarded(chromium, loopbackOnly);

            FetchException e = assertThrows(FetchException.class,
                    () -> guarded.render(server.url("/redirects-to-refused"), RenderOptions.defaults()));

            assertEquals(FetchException.Kind.PERMANENT, e.kind());
            assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
            assertEquals(1, server.hits("/redirects-to-refused"));
            assertEquals(0, refusedHost.hits("/latest/meta-data"), "the refused host never got the request");
        }
    }

    @Test
    void severalPagesLoadAtOnceWhileOneThreadDrivesThem() throws Exception {
        // The server holds each answer until another request comes while it is held (10 s at
        // most): only pages loading side by side make that happen.
        HeldAnswers held = new HeldAnswers();
        server.handle("/held.html", exchange -> {
            held.holdUntilAnotherArrives();
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            FixtureServer.send(exchange, 200, "<html><body><p>held terms</p></body></html>".getBytes(StandardCharsets.UTF_8));
        });
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (Chromium fourPages = new Chromium(System.getenv(), 4)) {
            PageCapturer fourPagesCapturer = PageCapturer.unguarded(fourPages);
            List<Future<RenderedPage>> captures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                captures.add(callers.submit(() -> fourPagesCapturer.render(server.url("/held.html"), RenderOptions.defaults())));
            }
            for (Future<RenderedPage> capture : captures) {
                RenderedPage page = capture.get();
                assertTrue(new String(page.document().content(), StandardCharsets.UTF_8).contains("held terms"));
                assertTrue(page.screenshot().height() > 0);
            }
        } finally {
            callers.shutdownNow();
        }

        assertTrue(held.overlapped(), "a page was requested while another one was loading");
    }

    @Test
    void aSlowPageHoldsOnlyItsOwnPlaceWhileTheNextPagesGoThrough() throws Exception {
        // The slow page's answer waits until the test lets it go (20 s at most); the pages queued
        // after it must all be done before that, with only 2 pages in flight.
        java.util.concurrent.CountDownLatch slowArrived = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch letSlowGo = new java.util.concurrent.CountDownLatch(1);
        server.handle("/slow.html", exchange -> {
            slowArrived.countDown();
            try {
                letSlowGo.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            FixtureServer.send(exchange, 200, "<html><body><p>slow terms</p></body></html>".getBytes(StandardCharsets.UTF_8));
        });
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (Chromium own = new Chromium(System.getenv(), 8, 2)) {
            PageCapturer ownCapturer = PageCapturer.unguarded(own);
            RenderOptions options = RenderOptions.builder().screenshot(false).build();
            Future<RenderedPage> slow = callers.submit(() -> ownCapturer.render(server.url("/slow.html"), options));
            slowArrived.await();
            Future<List<RenderedPage>> next = callers.submit(() -> {
                List<RenderedPage> pages = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    pages.add(ownCapturer.render(server.url("/plain-policy.html"), options));
                }
                return pages;
            });

            for (RenderedPage page : next.get()) {
                assertEquals(200, page.document().status());
            }
            assertFalse(slow.isDone(), "the slow page held the pages queued after it");
            letSlowGo.countDown();
            assertTrue(new String(slow.get().document().content(), StandardCharsets.UTF_8).contains("slow terms"));
        } finally {
            letSlowGo.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void anUnreachableHostIsTransientAndDoesNotDisturbThePagesInFlightWithIt() throws Exception {
        FixtureServer stopped = new FixtureServer();
        URI unreachable = stopped.url("/terms.html");
        stopped.close();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<RenderedPage> failing = callers.submit(() -> capturer.render(unreachable, RenderOptions.defaults()));
            Future<RenderedPage> fine = callers.submit(() -> capturer.render(server.url("/plain-policy.html"),
                    RenderOptions.defaults()));

            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class, failing::get);
            assertTrue(e.getCause() instanceof FetchException, String.valueOf(e.getCause()));
            assertEquals(FetchException.Kind.TRANSIENT, ((FetchException) e.getCause()).kind());
            assertEquals(200, fine.get().document().status());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aPdfRenderedInTheBrowserComesBackAsItsBytesNotAsTheViewer() throws Exception {
        byte[] pdf = FixtureServer.resource("/fetch/terms.pdf");
        server.serve("/terms.pdf", 200, "application/pdf", pdf);

        RenderedPage page = capturer.render(server.url("/terms.pdf"), RenderOptions.defaults());

        assertEquals("application/pdf", page.document().mimeType());
        assertArrayEquals(pdf, page.document().content());
        assertNull(page.screenshot());
    }

    @Test
    void dialogsAreDismissedAndPopUpsClosedWithoutHoldingTheCapture() throws Exception {
        server.serve("/pushy.html", "text/html", "<html><body><p>Terms</p><script>"
                + "alert('Accept our cookies'); confirm('Really?'); window.open('/plain-policy.html');"
                + "document.body.insertAdjacentHTML('beforeend', '<p>after the dialogs</p>');</script></body></html>");

        RenderedPage rendered = capturer.render(server.url("/pushy.html"), RenderOptions.defaults());

        assertTrue(new String(rendered.document().content(), StandardCharsets.UTF_8).contains("after the dialogs"));
        assertTrue(rendered.screenshot().height() > 0);
    }

    @Test
    void aRedirectToARefusedHttpsAddressNeverOpensATunnel() throws Exception {
        try (java.net.ServerSocket refusedHost = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.2"))) {
            refusedHost.setSoTimeout(1);
            server.redirect("/redirects-to-refused-https", 302, "https://127.0.0.2:" + refusedHost.getLocalPort() + "/");
            PageCapturer guarded = PageCapturer.guarded(chromium, loopbackOnly);

            FetchException e = assertThrows(FetchException.class,
                    () -> guarded.render(server.url("/redirects-to-refused-https"), RenderOptions.defaults()));

            assertEquals(FetchException.Kind.PERMANENT, e.kind());
            assertThrows(java.net.SocketTimeoutException.class, refusedHost::accept, "nobody connected to the refused host");
        }
    }

    @Test
    void aGuardedCaptureStillLoadsWhatItIsAllowedToThroughItsProxy() throws Exception {
        PageCapturer guarded = PageCapturer.guarded(chromium, loopbackOnly);

        RenderedPage rendered = guarded.render(server.url("/plain-policy.html"), RenderOptions.defaults());

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendered.screenshot().png()));
        int banner = image.getRGB(1000, 150);
        assertTrue(PngRows.near(banner, 0x1478c8), "banner colour from plain-policy.css, got " + PngRows.hex(banner));
    }

    @Test
    void aBrowserThatDiedIsStartedAgainForTheNextCapture() throws Exception {
        java.util.Set<Long> before = browserProcesses();
        try (Chromium own = new Chromium(System.getenv(), 4, 1)) {
            PageCapturer ownCapturer = PageCapturer.unguarded(own);
            ownCapturer.render(server.url("/plain-policy.html"), RenderOptions.builder().screenshot(false).build());
            java.util.Set<Long> ours = browserProcesses();
            ours.removeAll(before);
            assertEquals(1, ours.size(), "one browser process started by this test");

            ProcessHandle browserProcess = ProcessHandle.of(ours.iterator().next()).orElseThrow();
            browserProcess.destroyForcibly();
            browserProcess.onExit().get();
            RenderedPage again = ownCapturer.render(server.url("/plain-policy.html"), RenderOptions.defaults());

            assertEquals(200, again.document().status());
            assertTrue(again.screenshot().height() > 0);
        }
    }

    /** Chromium browser processes (not their renderers or helpers) started by this JVM. */
    private static java.util.Set<Long> browserProcesses() {
        java.util.Set<Long> pids = new java.util.HashSet<>();
        ProcessHandle.current().descendants().forEach(p -> {
            String commandLine;
            try {
                commandLine = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(p.pid()), "cmdline"))
                        .replace('\0', ' ');
            } catch (java.io.IOException gone) {
                return;
            }
            // Playwright talks to the browser process over a pipe; its helpers carry a --type.
            if (commandLine.contains("--remote-debugging-pipe") && !commandLine.contains("--type=")) {
                pids.add(p.pid());
            }
        });
        return pids;
    }

    /** Requests that wait for company: tells whether two were ever held at the same time. */
    private static final class HeldAnswers {
        private int holding;
        private boolean overlapped;

        synchronized void holdUntilAnotherArrives() {
            holding++;
            if (holding > 1) {
                overlapped = true;
                notifyAll();
            }
            long until = System.nanoTime() + 10_000_000_000L;
            try {
                while (!overlapped && System.nanoTime() < until) {
                    wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                holding--;
            }
        }

        synchronized boolean overlapped() {
            return overlapped;
        }
    }
}
