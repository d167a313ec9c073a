import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 11, item 2: what a new browser context per capture costs (scripts/bench/context-cost).
 * One Chromium, one page at a time, a small loopback page answered at once; per capture, in turn:
 * "new context" (newContext, newPage, goto, content, context.close, as PageCapturer does),
 * "shared context" (newPage in one long-lived context, page.close), and "shared context, cleared"
 * (the same plus, after each page, clearing cookies, cache and the origin's storage over CDP).
 * The three are interleaved round by round so that a loaded machine weighs on all alike; the
 * median milliseconds of each and of newContext + close alone are printed.
 *
 * <p>Usage: java -cp PLAYWRIGHT_JARS ContextCost.java [ROUNDS]
 */
public final class ContextCost {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        byte[] body = ("<!doctype html><title>Terms</title><h1>Terms of service</h1>"
                + "<p>These terms apply to every use of the service.</p>".repeat(40)).getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/terms";
        String chromium = System.getenv().getOrDefault("CLAUSECAM_CHROMIUM", "/usr/bin/chromium");
        List<String> flags = new ArrayList<>(List.of("--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"));
        if ("root".equals(System.getProperty("user.name"))) flags.add("--no-sandbox");
        long[] fresh = new long[rounds], contextOnly = new long[rounds], shared = new long[rounds], cleared = new long[rounds];
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                     .setExecutablePath(Path.of(chromium)).setArgs(flags))) {
            BrowserContext sharedContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
            BrowserContext clearedContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
            for (int i = -5; i < rounds; i++) { // 5 rounds of warm-up, not counted
                long t = System.nanoTime();
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
                long made = System.nanoTime();
                Page page = context.newPage();
                page.navigate(url);
                page.content();
                long closing = System.nanoTime();
                context.close();
                long end = System.nanoTime();
                if (i >= 0) {
                    fresh[i] = end - t;
                    contextOnly[i] = (made - t) + (end - closing);
                }

                t = System.nanoTime();
                page = sharedContext.newPage();
                page.navigate(url);
                page.content();
                page.close();
                if (i >= 0) shared[i] = System.nanoTime() - t;

                t = System.nanoTime();
                page = clearedContext.newPage();
                page.navigate(url);
                page.content();
                CDPSession cdp = clearedContext.newCDPSession(page);
                cdp.send("Network.clearBrowserCookies");
                cdp.send("Network.clearBrowserCache");
                com.google.gson.JsonObject origin = new com.google.gson.JsonObject();
                origin.addProperty("origin", "http://127.0.0.1:" + server.getAddress().getPort());
                origin.addProperty("storageTypes", "all");
                cdp.send("Storage.clearDataForOrigin", origin);
                cdp.detach();
                page.close();
                if (i >= 0) cleared[i] = System.nanoTime() - t;
            }
        } finally {
            server.stop(0);
        }
        System.out.printf("context cost, %d rounds, median ms per capture of a small loopback page (one page at a time):%n", rounds);
        System.out.printf("  new context per capture:            %6.1f (of which newContext + close: %.1f)%n", median(fresh), median(contextOnly));
        System.out.printf("  one shared context, new page:       %6.1f%n", median(shared));
        System.out.printf("  shared context, cleared over CDP:   %6.1f%n", median(cleared));
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
