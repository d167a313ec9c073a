package org.clausecam.report;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotType;
import org.clausecam.store.FileStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The report as people see it: opened from {@code file://} in a real Chromium, with screenshots
 * that Chromium itself took of the pages the store records. Every page of the report is visited
 * by following its links from the index.
 *
 * <p>Pictures of the index and of a change page are left in {@code target/report-screenshots};
 * the documentation's pictures come from {@link TallPageReportInBrowserTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInBrowserTest {

    static final List<String> CHROMIUM_ARGS = List.of("--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--no-sandbox");

    Path work;
    Path site;
    Playwright playwright;
    Browser browser;
    BrowserContext context;

    @BeforeAll
    void writeReportOfAStoreFilledWithChromiumScreenshots() throws Exception {
        // Kept after the run, so the report can be opened by hand: target/report-browser-test/report/index.html
        work = Path.of("target", "report-browser-test").toAbsolutePath();
        deleteRecursively(work);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getenv().getOrDefault("CLAUSECAM_CHROMIUM", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(CHROMIUM_ARGS));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 900).setDeviceScaleFactor(1));
        // Nothing in the report may come from the network: any request that is not a file fails the page.
        context.route(url -> !url.startsWith("file:"), route -> route.abort());

        try (Page shooter = context.newPage(); FileStore store = ReportStores.open(work.resolve("data"))) {
            shooter.setViewportSize(800, 600);
            ReportStores.fill(store, html -> {
                shooter.setContent(html);
                return shooter.screenshot(new Page.ScreenshotOptions().setFullPage(true).setType(ScreenshotType.PNG));
            });
            site = work.resolve("report");
            ReportSummary summary = new ReportWriter(store, site, 100, "Clausecam test").write();
            assertEquals(List.of(), summary.problems());
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @AfterAll
    void close() {
        if (context != null) context.close();
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @Test
    void theIndexListsTheServicesAndTheirTerms() {
        try (Page page = context.newPage()) {
            page.navigate(site.resolve("index.html").toUri().toString());

            assertEquals(List.of("Claude.ai", "Le Chat", "Ünïcode Sérvice Ωμέγα v2.0"),
                    page.locator("table.services tbody th").allInnerTexts());
            assertEquals(List.of("Privacy Policy", "Terms of Service", "Terms of Service", "Privacy Policy"),
                    page.locator("table.services tbody td:first-of-type a").allInnerTexts());
            assertEquals("rgb(255, 255, 255)", page.evaluate("getComputedStyle(document.body).backgroundColor"),
                    "the local stylesheet applies");
        }
    }

    @Test
    void aChangePageShowsTheWordDiffAndTheScreenshotsBeforeAfterAndTheirDifference() {
        try (Page page = context.newPage()) {
            page.navigate(site.resolve("index.html").toUri().toString());
            page.locator("table.services tbody tr").first().locator("td").nth(1).locator("a").click();

            assertTrue(page.url().endsWith("/change-4.html"), page.url());
            assertEquals(List.of("1 May"), page.locator(".diff del").allInnerTexts().subList(0, 1));
            assertTrue(page.locator(".diff ins").allInnerTexts().contains("25 September"));
            assertTrue(page.locator(".diff ins").count() >= 3);
            assertEquals(3, page.locator(".crops img").count());
            // The 800-px screenshots stay whole in width; the difference crop is at most 640 px.
            assertEquals(List.of(800, 800, 640), ((List<?>) page.evaluate(
                    "[...document.querySelectorAll('.crops img')].map(i => i.naturalWidth)")).stream()
                    .map(w -> ((Number) w).intValue()).toList());
            assertEquals(List.of("Before", "After", "Difference"),
                    page.locator(".crops figcaption").allInnerTexts().stream().map(t -> t.replaceFirst(":.*", "")).toList());
            assertEquals("line-through", page.evaluate("getComputedStyle(document.querySelector('.diff del')).textDecorationLine"));
        }
    }

    @Test
    void everyImageOnEveryPageLoadsEveryLocalLinkResolvesToAFileAndOnlyTheIndexHasAScript() throws IOException {
        Set<Path> visited = new LinkedHashSet<>();
        Deque<Path> pages = new ArrayDeque<>(List.of(site.resolve("index.html")));
        List<String> broken = new ArrayList<>();
        int images = 0;
        try (Page page = context.newPage()) {
            page.onRequestFailed(request -> broken.add("request failed: " + request.url()));
            while (!pages.isEmpty()) {
                Path file = pages.removeFirst().normalize();
                if (!visited.add(file)) continue;
                page.navigate(file.toUri().toString());
                // Whole screenshots are folded and their tiles load lazily: unfold them and bring each into view.
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)");
                page.evaluate("async () => { for (const i of document.images) { i.scrollIntoView(); await i.decode().catch(() => {}); } }");
                page.waitForLoadState();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> imgs = (List<Map<String, Object>>) page.evaluate(
                        "[...document.images].map(i => ({src: i.currentSrc, complete: i.complete, width: i.naturalWidth}))");
                for (Map<String, Object> img : imgs) {
                    images++;
                    if (!Boolean.TRUE.equals(img.get("complete")) || ((Number) img.get("width")).intValue() == 0) {
                        broken.add(site.relativize(file) + ": image not loaded: " + img.get("src"));
                    }
                }
                String where = site.relativize(file).toString();
                @SuppressWarnings("unchecked")
                List<String> scripts = (List<String>) page.evaluate("[...document.scripts].map(s => s.src)");
                if (!where.equals("index.html") && !scripts.isEmpty()) broken.add(where + ": has a script");
                for (String script : scripts) {
                    if (!script.startsWith("file:") || !Files.isRegularFile(Path.of(URI.create(script)))) broken.add(where + ": script " + script);
                }
                if (((Number) page.evaluate("document.querySelectorAll('h1').length")).intValue() != 1) broken.add(where + ": not one h1");
                if (((Number) page.evaluate("[...document.images].filter(i => !i.alt.trim()).length")).intValue() != 0) {
                    broken.add(where + ": image without a text alternative");
                }
                if (page.title().isBlank()) broken.add(where + ": no title");
                @SuppressWarnings("unchecked")
                List<String> links = (List<String>) page.evaluate(
                        "[...document.querySelectorAll('a[href], link[href]')].map(a => a.href)");
                for (String link : links) {
                    if (!link.startsWith("file:")) continue;
                    Path target = Path.of(URI.create(link.replaceFirst("#.*$", "")));
                    if (!Files.isRegularFile(target)) {
                        broken.add(site.relativize(file) + ": link to a missing file: " + link);
                    } else if (!target.startsWith(site)) {
                        broken.add(site.relativize(file) + ": link out of the report: " + link);
                    } else if (target.toString().endsWith(".html")) {
                        pages.add(target);
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
        // index, 4 timelines, 9 record pages, 3 change pages, 1 e-mail page
        assertEquals(18, visited.size(), visited.toString());
        assertTrue(images >= 15, images + " images");
    }

    @Test
    void picturesOfTheIndexAndOfAChangeForTheDocumentation() throws IOException {
        Path pictures = Path.of("target", "report-screenshots");
        Files.createDirectories(pictures);
        try (Page page = context.newPage()) {
            page.setViewportSize(1000, 560);
            page.navigate(site.resolve("index.html").toUri().toString());
            page.screenshot(new Page.ScreenshotOptions().setPath(pictures.resolve("report-small-index.png")));

            page.setViewportSize(1000, 1640);
            page.navigate(site.resolve(SiteNames.termsFolder("Claude.ai", "Privacy Policy")).resolve("change-4.html").toUri().toString());
            page.screenshot(new Page.ScreenshotOptions().setPath(pictures.resolve("report-small-change.png")));

            page.setViewportSize(1000, 700);
            page.navigate(site.resolve(SiteNames.termsFolder("Claude.ai", "Privacy Policy")).resolve("index.html").toUri().toString());
            page.screenshot(new Page.ScreenshotOptions().setPath(pictures.resolve("report-timeline.png")));
            page.navigate(site.resolve(SiteNames.termsFolder("Claude.ai", "Privacy Policy")).resolve("email-3.html").toUri().toString());
            page.screenshot(new Page.ScreenshotOptions().setPath(pictures.resolve("report-email.png")));
        }
        for (String name : List.of("report-small-index.png", "report-small-change.png")) {
            long size = Files.size(pictures.resolve(name));
            assertTrue(size < 300_000, name + " is " + size + " bytes");
        }
    }
}
