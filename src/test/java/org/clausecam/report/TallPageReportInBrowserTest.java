package org.clausecam.report;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.FileStore;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The report of a store holding a 100,000-px page whose text changed 60,000 px down, beside the
 * small terms of {@link ReportStores}, as a person sees it in Chromium from {@code file://}.
 *
 * <p>Pictures of the change page, the index and the search in use are left in
 * {@code target/report-screenshots}; {@code -Dclausecam.updateDocs=true} copies them to {@code docs/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TallPageReportInBrowserTest {

    static final TermsKey TALL = new TermsKey("Tallpage", "Privacy Policy");
    static final int LINES = 5_000;             // 100,000 px
    static final int CHANGED_LINE = 3_000;      // 60,000 px down
    static final String ONLY_IN_THE_CHANGE = "quetzalcoatl";

    Path site;
    Playwright playwright;
    Browser browser;
    BrowserContext context;
    String changePage;

    @BeforeAll
    void writeTheReportOfAStoreWithATallPageChangedHalfWayDown() throws Exception {
        Path work = Path.of("target", "tall-report-browser-test").toAbsolutePath();
        ReportInBrowserTest.deleteRecursively(work);
        site = work.resolve("report");
        List<String> before = TallPages.lines(LINES);
        List<String> after = TallPages.inserting(before, CHANGED_LINE, List.of(
                "Training. We may use your conversations to train our models (the " + ONLY_IN_THE_CHANGE + " programme),",
                "unless you opt out in Settings. We keep such data for up to 5 years."));
        try (FileStore store = ReportStores.open(work.resolve("data"))) {
            ReportStores.fill(store, new PlainPictures());
            ReportStores.append(store, TALL, "2026-08-01T06:00:00Z", CaptureRecord.KIND_CAPTURE, TallPages.version(before),
                    ReportStores.document(store, "https://tall.example/privacy", null, store.putBlob(TallPages.screenshot(before))));
            StoredRecord change = ReportStores.append(store, TALL, "2026-09-25T06:00:00Z", CaptureRecord.KIND_CAPTURE,
                    TallPages.version(after),
                    ReportStores.document(store, "https://tall.example/privacy", null, store.putBlob(TallPages.screenshot(after))));
            ReportSummary summary = new ReportWriter(store, site, 100, "Clausecam test").write();
            assertEquals(List.of(), summary.problems());
            changePage = SiteNames.termsFolder(TALL.service(), TALL.termsType()) + "/" + SiteNames.changePage(change.id());
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getenv().getOrDefault("CLAUSECAM_CHROMIUM", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(ReportInBrowserTest.CHROMIUM_ARGS));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setDeviceScaleFactor(1));
        context.route(url -> !url.startsWith("file:"), route -> route.abort());
    }

    @AfterAll
    void close() {
        if (context != null) context.close();
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @Test
    void theChangePageOpensWithTheChangedRegionOfTheTallPageInItsFirstScreen() throws IOException {
        try (Page page = context.newPage()) {
            page.navigate(site.resolve(changePage).toUri().toString());
            page.waitForLoadState();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> crops = (List<Map<String, Object>>) page.evaluate("""
                    Array.from(document.querySelector('.region').querySelectorAll('img'), i => ({
                      top: i.getBoundingClientRect().top, complete: i.complete, height: i.naturalHeight,
                      src: i.getAttribute('src')}))""");
            assertEquals(3, crops.size(), "before, after and difference crops of the first changed place");
            for (Map<String, Object> crop : crops) {
                assertTrue(Boolean.TRUE.equals(crop.get("complete")) && ((Number) crop.get("height")).intValue() > 0, crop.toString());
                assertTrue(((Number) crop.get("top")).doubleValue() < 800, "in the first screen: " + crop);
            }
            // The crop shows rows around 60,000, where the text changed: its name says which rows.
            String src = (String) crops.get(1).get("src");
            int top = Integer.parseInt(src.replaceFirst(".*-(\\d+)-(\\d+)\\.png$", "$1"));
            assertTrue(top <= CHANGED_LINE * TallPages.LINE_HEIGHT && CHANGED_LINE * TallPages.LINE_HEIGHT < top + 1_600, src);
            assertTrue(page.locator(".region h3").first().innerText().contains("rows 60,0"), page.locator(".region h3").first().innerText());
            picture(page, "report-change.png");
        }
    }

    @Test
    void clickingAChangedRegionScrollsToItsTextChange() {
        try (Page page = context.newPage()) {
            page.navigate(site.resolve(changePage).toUri().toString());
            page.locator(".region a.to-text").first().click();

            String target = (String) page.evaluate("location.hash");
            assertEquals("#text-change-1", target);
            assertTrue(page.locator(target).innerText().contains(ONLY_IN_THE_CHANGE));
            double top = ((Number) page.evaluate("document.querySelector(location.hash).getBoundingClientRect().top")).doubleValue();
            assertTrue(top >= 0 && top < 800, "the text change is on screen: " + top);
        }
    }

    @Test
    void everyLinkScriptAndImageOfEveryPageNamesAFileOfTheReportAndEveryAnchorExists() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        for (Path file : pages) {
            Document html = Jsoup.parse(file.toFile(), "UTF-8");
            for (Element e : html.select("a[href], link[href], img[src], script[src]")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (ref.startsWith("https://") || ref.startsWith("http://")) continue;
                checked++;
                String path = ref.replaceFirst("#.*$", "");
                String fragment = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : null;
                Path target = path.isEmpty() ? file : file.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
                if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                    broken.add(site.relativize(file) + ": " + ref);
                } else if (fragment != null && target.toString().endsWith(".html")
                        && Jsoup.parse(target.toFile(), "UTF-8").getElementById(fragment) == null) {
                    broken.add(site.relativize(file) + ": no #" + fragment + " in " + ref);
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 200, checked + " references");
    }

    @Test
    void searchFindsAWordThatAppearsOnlyInOneChange() throws IOException {
        try (Page page = context.newPage()) {
            page.navigate(site.resolve("index.html").toUri().toString());
            int all = page.locator("#entries li:visible").count();
            page.locator("input[name=q]").fill(ONLY_IN_THE_CHANGE);

            List<String> found = page.locator("#entries li:visible a").allInnerTexts();
            assertEquals(List.of("Change to Tallpage · Privacy Policy"), found);
            assertTrue(all > 5, all + " entries before searching");
            assertEquals("1 of " + all + " shown", page.locator("#shown").innerText());
            page.locator("#entries li:visible a").click();
            assertTrue(page.url().endsWith(changePage), page.url());
            page.goBack();
            page.locator("input[name=q]").fill(ONLY_IN_THE_CHANGE);
            picture(page, "report-search.png");
        }
    }

    @Test
    void filtersNarrowTheListToChangesOfOneServiceWithinDates() {
        try (Page page = context.newPage()) {
            page.navigate(site.resolve("index.html").toUri().toString());
            int all = page.locator("#entries li:visible").count();

            page.locator("input[name=changes]").check();
            int changes = page.locator("#entries li:visible").count();
            assertTrue(changes < all && changes == 4, changes + " changes of " + all);
            assertEquals(List.of("change"), page.locator("#entries li:visible").evaluateAll(
                    "l => [...new Set(l.map(i => i.dataset.kind))]"));

            page.locator("select[name=service]").selectOption("Claude.ai");
            assertEquals(List.of("Change to Claude.ai · Privacy Policy"), page.locator("#entries li:visible a").allInnerTexts());

            page.locator("select[name=service]").selectOption("");
            page.locator("input[name=from]").fill("2026-09-01");
            page.locator("input[name=to]").fill("2026-09-30");
            for (Object date : (List<?>) page.locator("#entries li:visible").evaluateAll("l => l.map(i => i.dataset.date)")) {
                assertTrue(date.toString().startsWith("2026-09"), date.toString());
            }
            assertTrue(page.locator("#entries li:visible").count() >= 2);
            picture(page, "report-index.png");
        }
    }

    @Test
    void withoutScriptsTheIndexListsEverythingAndHidesTheForm() {
        try (BrowserContext noScripts = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
             Page page = noScripts.newPage()) {
            page.navigate(site.resolve("index.html").toUri().toString());
            assertFalse(page.locator("#filters").isVisible());
            assertTrue(page.locator("#entries li").count() > 5);
            assertEquals(page.locator("#entries li").count(), page.locator("#entries li:visible").count());
        }
    }

    private static void picture(Page page, String name) {
        try {
            Path pictures = Path.of("target", "report-screenshots");
            Files.createDirectories(pictures);
            page.screenshot(new Page.ScreenshotOptions().setPath(pictures.resolve(name)));
            if (Boolean.getBoolean("clausecam.updateDocs")) {
                Path docs = Path.of(System.getProperty("clausecam.projectDir", "."), "docs");
                Files.copy(pictures.resolve(name), docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
