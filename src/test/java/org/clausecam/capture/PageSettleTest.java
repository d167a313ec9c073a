package org.clausecam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.extract.Extractor;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.fetch.FixtureServer;
import org.clausecam.fetch.HostPolicies;
import org.clausecam.fetch.HttpFetchOptions;
import org.clausecam.fetch.HttpFetcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages whose content arrives after {@code load} are taken once they settled: against a real
 * Chromium (one for the class) and a real HTTP server on 127.0.0.1.
 */
class PageSettleTest {

    /** Captures of each late page in a row; every one must hold the whole policy. */
    private static final int RUNS = Integer.getInteger("clausecam.settleRuns", 20);

    /** Adds a clause 200 ms later through animation frames, which no timer or request reveals. */
    private static final String LATE_BY_ANIMATION_FRAMES = "const t0 = performance.now();"
            + " const step = () => performance.now() - t0 < 200 ? requestAnimationFrame(step)"
            + " : document.querySelector('main').insertAdjacentHTML('beforeend', '<p>2. arrived-late</p>');"
            + " requestAnimationFrame(step);";

    private static FixtureServer server;
    private static Chromium chromium;
    private static PageCapturer capturer;

    @BeforeAll
    static void start() {
        server = new FixtureServer()
                .serveResource("/late.html", "text/html; charset=utf-8", "/settle/late.html")
                .serveResource("/never-settles.html", "text/html; charset=utf-8", "/settle/never-settles.html")
                .handle("/late-content", exchange -> {
                    String query = exchange.getRequestURI().getQuery();
                    long ms = Long.parseLong(query.substring(query.indexOf('=') + 1));
                    try {
                        Thread.sleep(ms);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    FixtureServer.send(exchange, 200, ("[\"1. We collect the data you give us when you create an account.\","
                            + "\"2. We keep it for as long as your account exists, and 30 days after.\","
                            + "\"3. You may ask for a copy of your data, or for its deletion, at any time.\","
                            + "\"4. Last clause, present only once the policy has arrived: arrived-after-load.\"]")
                            .getBytes(StandardCharsets.UTF_8));
                })
                .handle("/hanging-request.html", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    FixtureServer.send(exchange, 200, ("<!DOCTYPE html><html><body><main><h1>Terms</h1><p>1. A request of "
                            + "this page never ends.</p></main><script>fetch('/never-answers');</script></body></html>")
                            .getBytes(StandardCharsets.UTF_8));
                })
                .serve("/page-scripts-see-nothing.html", "text/html; charset=utf-8", "<!DOCTYPE html><html><body><main>"
                        + "<p id=\"binding\"></p><p id=\"timer\"></p><p id=\"cleared\">not cleared</p></main><script>"
                        + "document.getElementById('binding').textContent = 'binding: ' + typeof window." + PageSettle.BINDING + ";"
                        + "setTimeout((a, b) => { document.getElementById('timer').textContent = 'timer: ' + a + b + ' '"
                        + " + setTimeout.name + ' ' + Function.prototype.toString.call(setTimeout).includes('[native code]'); }, 10, 'x', 'y');"
                        + "const id = setTimeout(() => { document.getElementById('cleared').textContent = 'fired'; }, 300);"
                        + "clearTimeout(id);</script></body></html>")
                .serve("/lazy-and-hidden.html", "text/html; charset=utf-8", "<!DOCTYPE html><html><body><div id=\"consent\">"
                        + "We use cookies</div><main><h1>Terms</h1><p style=\"height: 3000px\">1. Long clause.</p>"
                        + "<img loading=\"lazy\" src=\"/pixel.png\" width=\"10\" height=\"10\"></main></body></html>")
                .serve("/pixel.png", 200, "image/png", java.util.Base64.getDecoder().decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="))
                .serve("/ticking.html", "text/html; charset=utf-8", "<!DOCTYPE html><html><body><main><h1>Terms</h1>"
                        + "<p>1. A counter below changes every few milliseconds.</p><p id=\"n\">0</p></main><script>let n = 0;"
                        + "setInterval(() => { document.getElementById('n').textContent = String(++n); }, 4);</script></body></html>")
                .serve("/no-scripts.html", "text/html; charset=utf-8", "<!DOCTYPE html><html><head><style>"
                        + "p { animation: pulse 1s infinite } @keyframes pulse { to { opacity: .5 } }</style></head><body>"
                        + "<main><h1>Terms</h1><p>1. Nothing on this page runs code.</p><img src=\"/pixel.png\"></main></body></html>")
                .serve("/json-ld-only.html", "text/html; charset=utf-8", "<!DOCTYPE html><html><head>"
                        + "<script type=\"application/ld+json\">{\"@type\": \"WebPage\", \"name\": \"Terms\"}</script></head>"
                        + "<body><main><h1>Terms</h1><p>1. Structured data is not code.</p></main></body></html>")
                .serve("/script-that-removes-itself.html", "text/html; charset=utf-8", "<!DOCTYPE html><html><body><main>"
                        + "<h1>Terms</h1><p>1. First clause.</p></main><script>document.currentScript.remove();"
                        + LATE_BY_ANIMATION_FRAMES + "</script></body></html>")
                .serve("/inline-handler.html", "text/html; charset=utf-8", "<!DOCTYPE html><html><body onload=\""
                        + LATE_BY_ANIMATION_FRAMES + "\"><main><h1>Terms</h1><p>1. First clause.</p></main></body></html>")
                .handle("/never-answers", exchange -> {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        chromium = new Chromium(System.getenv(), 3);
        capturer = PageCapturer.unguarded(chromium);
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    @Test
    void contentArriving300Ms1500MsAnd4SecondsAfterLoadIsCapturedWholeEveryTime() throws Exception {
        List<URI> pages = List.of(server.url("/late.html?via=timer&ms=300"), server.url("/late.html?via=timer&ms=1500"),
                server.url("/late.html?via=fetch&ms=4000"));
        // The three pages in parallel (one Chromium, three pages in flight), each captured RUNS times in a row.
        ExecutorService threads = Executors.newFixedThreadPool(pages.size());
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (URI page : pages) {
                runs.add(threads.submit(() -> versions(page, RUNS)));
            }
            for (int i = 0; i < pages.size(); i++) {
                List<String> versions = runs.get(i).get();
                Set<String> distinct = new HashSet<>(versions);
                assertEquals(1, distinct.size(), pages.get(i) + ": " + distinct);
                String version = versions.get(0);
                assertTrue(version.contains("arrived-after-load") && version.contains("We use cookies"), version);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<String> versions(URI page, int runs) throws Exception {
        Extractor extractor = new Extractor();
        SourceDocument document = new SourceDocument(null, page, List.of(), List.of(), List.of(), true);
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            RenderedPage rendered = capturer.render(page, RenderOptions.builder().screenshot(false).build());
            assertTrue(rendered.settling().settled(), page + ": " + rendered.settling());
            versions.add(extractor.extract(document, null, rendered.document().content(), "text/html", page));
            System.out.printf("%s run %d: settled %d ms after load, %d ms in all%n", page, i + 1,
                    rendered.settling().waited().toMillis(), (System.nanoTime() - start) / 1_000_000);
        }
        return versions;
    }

    @Test
    void thePagesScriptsSeeTheirTimersWorkAsBeforeAndNoBinding() throws Exception {
        RenderedPage rendered = capturer.render(server.url("/page-scripts-see-nothing.html"), RenderOptions.builder()
                .screenshot(false).build());

        String html = new String(rendered.document().content(), StandardCharsets.UTF_8);
        assertTrue(html.contains("binding: undefined"), html);
        assertTrue(html.contains("timer: xy setTimeout true"), html);
        assertTrue(html.contains("not cleared"), html);
        assertTrue(rendered.settling().settled());
        assertTrue(rendered.settling().waited().toMillis() < 2000, "a cleared timer holds nothing: " + rendered.settling());
    }

    @Test
    void theDocumentReadAfterTheScreenshotIsTheOneReadBeforeWhenThePageIsStill() throws Exception {
        RenderedPage rendered = capturer.render(server.url("/lazy-and-hidden.html"), RenderOptions.builder()
                .hideSelectors(List.of("#consent")).build());

        assertFalse(rendered.changedWhilePictured(), "lazy images made eager and hidden selectors leave the DOM as it was");
        String html = new String(rendered.document().content(), StandardCharsets.UTF_8);
        assertTrue(html.contains("loading=\"lazy\""), html);
        assertTrue(rendered.screenshot().pageHeight() > 3000);
    }

    @Test
    void aPageThatKeepsChangingWhilePicturedSaysSo() throws Exception {
        RenderedPage rendered = capturer.render(server.url("/ticking.html"), RenderOptions.builder()
                .settleQuiet(Duration.ofMillis(900)).maxSettle(Duration.ofSeconds(1)).build());

        assertFalse(rendered.settling().settled());
        assertTrue(rendered.changedWhilePictured(), "read before and after the screenshot, the counter differs");
    }

    @Test
    void aPageThatNeverStopsMutatingIsTakenAtTheMaximumWithWhy() throws Exception {
        RenderedPage rendered = capturer.render(server.url("/never-settles.html"), RenderOptions.builder()
                .settleQuiet(Duration.ofMillis(1500)).maxSettle(Duration.ofSeconds(2)).build());

        assertFalse(rendered.settling().settled());
        assertEquals(Duration.ofSeconds(2), rendered.settling().waited());
        assertTrue(rendered.settling().busy().contains("still mutating"), rendered.settling().busy().toString());
        assertEquals("did not settle within 2 s after load: still mutating; taken as it was", rendered.settling().note());
        assertTrue(new String(rendered.document().content(), StandardCharsets.UTF_8).contains("never stop being rewritten"));
        assertTrue(rendered.screenshot() != null);
    }

    @Test
    void aPageSettlingDoesNotHoldTheOtherPagesInFlight() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<RenderedPage> slow = threads.submit(() -> capturer.render(server.url("/never-settles.html"),
                    // A 3 s quiet window: a counter ticking every 100 ms never leaves such a gap, even when a loaded
                    // machine delays its timers.
                    RenderOptions.builder().screenshot(false).settleQuiet(Duration.ofSeconds(3)).maxSettle(Duration.ofSeconds(8)).build()));
            Future<Boolean> quickOnesFirst = threads.submit(() -> {
                for (int i = 0; i < 2; i++) {
                    RenderedPage quick = capturer.render(server.url("/late.html?ms=0"), RenderOptions.builder().screenshot(false).build());
                    assertTrue(quick.settling().settled());
                }
                return !slow.isDone();
            });

            assertTrue(quickOnesFirst.get(), "two quick pages were captured while the never-quiet one waited");
            assertFalse(slow.get().settling().settled());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Nothing that runs code: no script (a JSON-LD data block is none), handler, frame or refresh. */
    @ParameterizedTest
    @ValueSource(strings = {"/no-scripts.html", "/json-ld-only.html"})
    void aPageWithNothingThatCouldChangeItIsTakenAtLoadNotHeldForTheQuietWindow(String path) throws Exception {
        RenderedPage rendered = capturer.render(server.url(path), RenderOptions.builder()
                .screenshot(false).settleQuiet(Duration.ofSeconds(5)).maxSettle(Duration.ofSeconds(10)).build());

        assertTrue(rendered.settling().settled());
        assertTrue(rendered.settling().waited().compareTo(Duration.ofSeconds(5)) < 0, rendered.settling().toString());
    }

    /** Code that leaves no script element behind still counts: a script that removed itself, an inline handler. */
    @ParameterizedTest
    @ValueSource(strings = {"/script-that-removes-itself.html", "/inline-handler.html"})
    void codeThatLeftNoScriptElementStillHoldsThePageUntilItIsQuiet(String path) throws Exception {
        RenderedPage rendered = capturer.render(server.url(path), RenderOptions.builder()
                .screenshot(false).settleQuiet(Duration.ofSeconds(1)).maxSettle(Duration.ofSeconds(10)).build());

        assertTrue(new String(rendered.document().content(), StandardCharsets.UTF_8).contains("2. arrived-late"));
        assertTrue(rendered.settling().waited().compareTo(Duration.ofSeconds(1)) >= 0, rendered.settling().toString());
    }

    @Test
    void aRequestThatNeverEndsHoldsThePageOnlyToTheMaximum() throws Exception {
        RenderedPage rendered = capturer.render(server.url("/hanging-request.html"), RenderOptions.builder()
                .screenshot(false).maxSettle(Duration.ofSeconds(2)).build());

        assertFalse(rendered.settling().settled());
        assertEquals(List.of("1 request in flight"), rendered.settling().busy());
    }
}
