package org.clausecam.capture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clausecam.fetch.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page whose script never yields, rendered next to ordinary pages in one browser: the watchdog
 * takes the browser back, the looping page fails naming why, the other pages are captured, and
 * the queue goes on in a fresh browser.
 */
class BrowserWatchdogTest {

    static FixtureServer server;

    @BeforeAll
    static void serve() {
        server = new FixtureServer()
                .serve("/loops.html", "text/html", "<html><body><h1>Terms</h1><p>Loading...</p>"
                        + "<script>while (true) {}</script></body></html>")
                .serve("/loops-later.html", "text/html", "<html><body><h1>Terms</h1><p>Loads, then loops.</p>"
                        + "<script>setTimeout(() => { while (true) {} }, 300);</script></body></html>")
                .serve("/hungry.html", "text/html", "<html><body><h1>Terms</h1><p>Eats memory while an image holds load back.</p>"
                        + "<img src=\"/slow-image\" alt=\"\"><script>"
                        + "const kept = []; (function grow() { for (let i = 0; i < 10; i++) kept.push(new Array(1e6).fill(i)); "
                        // Bounded, so that a broken watchdog cannot exhaust a shared machine: 4 GB at most.
                        + "if (kept.length < 500) setTimeout(grow, 20); })();</script></body></html>")
                .handle("/slow-image", exchange -> {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    FixtureServer.send(exchange, 404, new byte[0]);
                });
        for (int i = 1; i <= 3; i++) {
            server.serve("/plain-" + i + ".html", "text/html",
                    "<html><body><h1>Terms " + i + "</h1><p>Ordinary clause " + i + ".</p></body></html>");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RenderOptions quick() {
        return RenderOptions.builder().navigationTimeout(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void aPageWhoseScriptNeverYieldsFailsAndThePagesBesideItAreCaptured() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try (Chromium chromium = new Chromium(System.getenv(), 8, 2)) {
            PageCapturer capturer = PageCapturer.unguarded(chromium);
            Future<RenderedPage> looping = callers.submit(() -> capturer.render(server.url("/loops.html"), quick()));
            Future<RenderedPage> first = callers.submit(() -> capturer.render(server.url("/plain-1.html"), quick()));
            Future<RenderedPage> second = callers.submit(() -> capturer.render(server.url("/plain-2.html"), quick()));

            Exception failure = assertThrows(Exception.class, looping::get);
            CaptureException capture = assertThrows(CaptureException.class, () -> {
                throw (Exception) failure.getCause();
            });
            assertTrue(capture.getMessage().contains("the page's scripts did not yield within 5 s"), capture.getMessage());
            assertTrue(capture.getMessage().contains("the browser was restarted"), capture.getMessage());
            assertTrue(capture.getMessage().contains(server.url("/loops.html").toString()), capture.getMessage());
            assertTrue(text(first.get()).contains("Ordinary clause 1."));
            assertTrue(text(second.get()).contains("Ordinary clause 2."));
            assertTrue(text(capturer.render(server.url("/plain-3.html"), quick())).contains("Ordinary clause 3."),
                    "the next job runs in a fresh browser");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aPageThatLoopsAfterLoadFailsTheSameWay() throws Exception {
        try (Chromium chromium = new Chromium(System.getenv(), 8, 1)) {
            PageCapturer capturer = PageCapturer.unguarded(chromium);
            CaptureException e = assertThrows(CaptureException.class,
                    () -> capturer.render(server.url("/loops-later.html"), quick().toBuilder().waitForSelectors(java.util.List.of("#never"))
                            .selectorTimeout(Duration.ofSeconds(1)).build()));
            assertTrue(e.getMessage().contains("the browser was restarted"), e.getMessage());
            assertTrue(text(capturer.render(server.url("/plain-1.html"), quick())).contains("Ordinary clause 1."));
        }
    }

    @Test
    void aBrowserTaskThatNeverReturnsIsTakenBackAtItsTimeout() throws Exception {
        try (Chromium chromium = new Chromium(System.getenv(), 8, 1)) {
            CaptureException e = assertThrows(CaptureException.class, () -> chromium.withBrowser("an endless evaluation",
                    browser -> {
                        var page = browser.newPage();
                        try {
                            return page.evaluate("() => { while (true) {} }");
                        } finally {
                            page.close();
                        }
                    }, Duration.ofSeconds(2)));
            assertTrue(e.getMessage().contains("an endless evaluation: not done within 2 s; the browser was restarted"), e.getMessage());
            assertTrue(chromium.version().matches("\\d+\\..*"), "the browser works again");
        }
    }

    @Test
    void aPageAboveTheMemoryCeilingFailsWithTheReasonAndTheBrowserComesBack() throws Exception {
        long ceiling = 600L << 20;
        try (Chromium chromium = new Chromium(System.getenv(), 8, 1, ceiling);
             ProcessTreeSampler safetyNet = ProcessTreeSampler.start(4L << 30)) {
            PageCapturer capturer = PageCapturer.unguarded(chromium);
            RenderOptions patient = RenderOptions.builder().navigationTimeout(Duration.ofSeconds(20)).timeout(Duration.ofSeconds(60)).build();
            BrowserTakenBackException e = assertThrows(BrowserTakenBackException.class,
                    () -> capturer.render(server.url("/hungry.html"), patient));
            assertTrue(e.getMessage().contains("above the ceiling of 600 MiB both times this page was loading; the browser was restarted"),
                    e.getMessage());
            assertTrue(text(capturer.render(server.url("/plain-2.html"), quick())).contains("Ordinary clause 2."));
            assertFalse(safetyNet.killed());
        }
    }

    private static String text(RenderedPage page) {
        return new String(page.document().content(), StandardCharsets.UTF_8);
    }

}
