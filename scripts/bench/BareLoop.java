import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitUntilState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The baseline of scripts/bench/throughput (not part of Clausecam): the plainest loop that does
 * a capture's browser work. One thread drives one Chromium with K pages in flight (navigations
 * started without waiting, the oldest finished first, the next started in its place: STACK.md
 * §3's pattern); each page gets a new context, waits for {@code load}, reads the DOM and, unless
 * told otherwise, takes a full-page PNG; nothing is extracted or stored.
 *
 * <p>With {@code reuse} as a fourth argument it keeps one context and K pages for the whole run,
 * each page navigating to its next URL in place: the reference loop's faster "shared context"
 * case (../shared/STACK.md §3), kept here to find its cause (docs/benchmarks.md, "A context per capture").
 *
 * <p>Usage: java -cp PLAYWRIGHT_JARS BareLoop.java URL_FILE K screenshots|none [reuse]
 */
public final class BareLoop {

    private record InFlight(BrowserContext context, Page page, String url) {
    }

    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0])).stream().filter(s -> !s.isBlank()).toList();
        int k = Integer.parseInt(args[1]);
        boolean screenshots = args[2].equals("screenshots");
        boolean reuse = args.length > 3 && args[3].equals("reuse");
        String chromium = System.getenv().getOrDefault("CLAUSECAM_CHROMIUM", "/usr/bin/chromium");
        List<String> flags = new java.util.ArrayList<>(List.of("--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"));
        if ("root".equals(System.getProperty("user.name"))) flags.add("--no-sandbox");
        int failed = 0;
        long bytes = 0;
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                     .setExecutablePath(Path.of(chromium)).setArgs(flags))) {
            Deque<InFlight> window = new ArrayDeque<>();
            BrowserContext shared = reuse ? browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)) : null;
            Deque<Page> idle = new ArrayDeque<>();
            int next = 0;
            while (next < urls.size() || !window.isEmpty()) {
                while (window.size() < k && next < urls.size()) {
                    BrowserContext context = reuse ? shared : browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
                    Page page = reuse && !idle.isEmpty() ? idle.removeFirst() : context.newPage();
                    String url = urls.get(next++);
                    page.evaluate("u => { location.href = u; }", url); // returns at once: the page loads meanwhile
                    window.add(new InFlight(context, page, url));
                }
                InFlight oldest = window.removeFirst();
                try {
                    oldest.page().waitForURL(oldest.url(), new Page.WaitForURLOptions().setWaitUntil(WaitUntilState.LOAD).setTimeout(30_000));
                    bytes += oldest.page().content().length();
                    if (screenshots) bytes += oldest.page().screenshot(new Page.ScreenshotOptions().setFullPage(true)).length;
                } catch (RuntimeException e) {
                    failed++;
                    System.err.println("bare loop: " + oldest.url() + ": " + e.getMessage().lines().findFirst().orElse(""));
                } finally {
                    if (reuse) idle.add(oldest.page());
                    else oldest.context().close();
                }
            }
        }
        System.out.printf("bare loop: %d pages, %d failed, %d bytes read%n", urls.size(), failed, bytes);
    }
}
