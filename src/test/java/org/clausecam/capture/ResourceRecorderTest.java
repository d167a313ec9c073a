package org.clausecam.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clausecam.fetch.FixtureServer;
import org.clausecam.fetch.GuardedProxy;
import org.clausecam.fetch.NetworkGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which responses a rendered page keeps for replay, in a real Chromium against pages on
 * 127.0.0.1: what it loaded with GET and got (2xx, or a redirect hop), nothing refused, nothing
 * that failed, nothing sent with another method.
 */
class ResourceRecorderTest {

    private static final byte[] STYLE = "p { color: #123; }".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PIXEL = {(byte) 0x89, 'P', 'N', 'G'};

    private static FixtureServer server;
    private static Chromium chromium;
    private static GuardedProxy loopbackOnly;

    @BeforeAll
    static void startChromiumAndServe() {
        chromium = new Chromium(System.getenv(), Chromium.DEFAULT_PAGES_IN_FLIGHT);
        loopbackOnly = new GuardedProxy(NetworkGuard.allowingOnly(Set.of("127.0.0.1")));
        server = new FixtureServer()
                .serve("/style.css", 200, "text/css", STYLE)
                .serve("/pixel.png", 200, "image/png", PIXEL)
                .serve("/api", 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .redirect("/old-pixel.png", 301, "/pixel.png");
        server.serve("/page.html", "text/html", """
                <html><head><link rel="stylesheet" href="/style.css"></head><body><p>Terms</p>
                <img src="/old-pixel.png"><img src="/missing.png">
                <script>fetch('/api', {method: 'POST', body: 'x'}).then(r => document.body.dataset.posted = r.status);</script>
                </body></html>""");
    }

    @AfterAll
    static void stop() {
        chromium.close();
        loopbackOnly.close();
        server.close();
    }

    @Test
    void aPageKeepsWhatItGotWithGetIncludingRedirectHopsButNotFailuresOrOtherMethods() throws Exception {
        RenderedPage page = PageCapturer.unguarded(chromium).render(server.url("/page.html"), RenderOptions.builder().screenshot(false).build());

        Map<String, PageResource> kept = byUrl(page);
        assertEquals(Set.of("/page.html", "/style.css", "/old-pixel.png", "/pixel.png"), kept.keySet());
        assertArrayEquals(STYLE, kept.get("/style.css").body());
        assertEquals(301, kept.get("/old-pixel.png").status());
        assertEquals(0, kept.get("/old-pixel.png").body().length, "a redirect hop has no body");
        assertEquals("/pixel.png", kept.get("/old-pixel.png").headers().get("location").get(0));
        assertTrue(new String(kept.get("/page.html").body(), StandardCharsets.UTF_8).startsWith("<html><head>"),
                "the main document as it arrived");
    }

    @Test
    void eachKeptResponseHasTheRequestHeadersTheBrowserSentForItRedirectHopsToo() throws Exception {
        RenderedPage page = PageCapturer.unguarded(chromium)
                .render(server.url("/page.html"), RenderOptions.builder().screenshot(false).build());

        Map<String, PageResource> kept = byUrl(page);
        assertTrue(kept.get("/style.css").requestHeaders().get("accept").get(0).startsWith("text/css"),
                kept.get("/style.css").requestHeaders().toString());
        Map<String, List<String>> hop = kept.get("/old-pixel.png").requestHeaders();
        assertTrue(hop.containsKey("user-agent"), hop.toString());
        assertTrue(kept.get("/page.html").requestHeaders().get("accept").get(0).startsWith("text/html"));
    }

    @Test
    void whatTheNetworkGuardRefusedIsNeverKept() throws Exception {
        try (FixtureServer refusedHost = new FixtureServer("127.0.0.2")) {
            refusedHost.serve("/pixel.png", 200, "image/png", PIXEL);
            server.serve("/embeds-refused.html", "text/html", "<html><body><p>Terms</p><img src=\""
                    + refusedHost.url("/pixel.png") + "\"><img src=\"/pixel.png\"></body></html>");

            RenderedPage page = PageCapturer.guarded(chromium, loopbackOnly)
                    .render(server.url("/embeds-refused.html"), RenderOptions.builder().screenshot(false).build());

            assertEquals(Set.of("/embeds-refused.html", "/pixel.png"), byUrl(page).keySet());
            assertEquals(0, refusedHost.hits("/pixel.png"));
        }
    }

    @Test
    void withoutResourcesNothingIsKept() throws Exception {
        RenderedPage page = PageCapturer.unguarded(chromium).render(server.url("/page.html"),
                RenderOptions.builder().screenshot(false).keepResources(false).build());

        assertTrue(page.resources().isEmpty());
    }

    /** Kept responses by path: every URL of these pages is on the one server. */
    private static Map<String, PageResource> byUrl(RenderedPage page) {
        return page.resources().stream().collect(Collectors.toMap(r -> r.url().substring(server.url("/").toString().length() - 1), r -> r));
    }
}
