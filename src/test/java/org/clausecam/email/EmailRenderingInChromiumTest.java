package org.clausecam.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The renderable page in a real Chromium with JavaScript off and every network request refused. */
class EmailRenderingInChromiumTest {

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getenv().getOrDefault("CLAUSECAM_CHROMIUM", "/usr/bin/chromium"))));
    }

    @AfterAll
    static void close() {
        browser.close();
        playwright.close();
    }

    @Test
    void inlineImagesShowFromDataUrlsWithoutAnyRequest() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("related-cid.eml"));
        List<String> requests = new CopyOnWriteArrayList<>();

        try (BrowserContext context = offlineContext(requests)) {
            Page page = context.newPage();
            page.setContent(mail.renderableHtml());

            assertEquals(12, page.evalOnSelector("img[alt='Example logo']", "img => img.naturalWidth"));
            assertEquals(List.of(), requests);
            assertTrue(page.innerText("#clausecam-email-headers").contains("Terms of Service update"));
        }
    }

    @Test
    void inlineImagesShowFromRoutedUrls() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("related-cid.eml"));
        List<String> refused = new CopyOnWriteArrayList<>();

        try (BrowserContext context = offlineContext(refused)) {
            context.route(EmailMessage.ROUTED_ORIGIN + "/**", route -> mail.inlinePartAt(route.request().url())
                    .ifPresentOrElse(part -> route.fulfill(new Route.FulfillOptions()
                                    .setContentType(part.mimeType()).setBodyBytes(part.bytes())),
                            route::abort));
            Page page = context.newPage();
            page.setContent(mail.renderableHtmlWithRoutedParts());

            assertEquals(12, page.evalOnSelector("img[alt='Example logo']", "img => img.naturalWidth"));
            assertEquals(List.of(), refused);
        }
    }

    @Test
    void anImageReferredToByItsContentLocationShowsWithoutAnyRequest() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("related-content-location.eml"));
        List<String> requests = new CopyOnWriteArrayList<>();

        try (BrowserContext context = offlineContext(requests)) {
            Page page = context.newPage();
            page.setContent(mail.renderableHtml());

            assertEquals(12, page.evalOnSelector("img[alt='Example Bank']", "img => img.naturalWidth"));
            assertEquals(List.of(), requests);
        }
    }

    @Test
    void aForwardedNoticeIsShownBelowTheNoteWithItsHeadersAndImageWithoutAnyRequest() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("forwarded-rfc822.eml"));
        List<String> requests = new CopyOnWriteArrayList<>();

        try (BrowserContext context = offlineContext(requests)) {
            Page page = context.newPage();
            page.setContent(mail.renderableHtml());

            // Playwright's CSS selectors reach into the attached message's (open) shadow root.
            String notice = page.innerText(".clausecam-attached-message #clausecam-email-headers");
            assertTrue(notice.contains("Updates to our Usage Policies") && notice.contains("noreply@example-models.test"), notice);
            assertTrue(page.innerText(".clausecam-attached-message p").contains("We have updated our Usage Policies."));
            assertEquals(12, page.evalOnSelector(".clausecam-attached-message img", "img => img.naturalWidth"));
            assertEquals(List.of(), requests);
        }
    }

    @Test
    void theNoteAndTheAttachedNoticeKeepTheirOwnStyles() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("forwarded-rfc822-styled.eml"));

        try (BrowserContext context = offlineContext(new CopyOnWriteArrayList<>())) {
            Page page = context.newPage();
            page.setContent(mail.renderableHtml());

            assertEquals("rgb(200, 0, 0)", page.evalOnSelector("#note", "p => getComputedStyle(p).color"));
            assertEquals("rgb(0, 0, 200)", page.evalOnSelector("#notice", "p => getComputedStyle(p).color"));
            assertEquals("rgb(240, 240, 200)", page.evalOnSelector("#notice", "p => getComputedStyle(p.parentElement).backgroundColor"),
                    "the notice's own background, from its body");
        }
    }

    @Test
    void remoteImagesAreNotFetched() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("simple-html.eml"));
        List<String> requests = new CopyOnWriteArrayList<>();

        try (BrowserContext context = offlineContext(requests)) {
            Page page = context.newPage();
            page.setContent(mail.renderableHtml());

            assertEquals(0, page.evalOnSelector("img", "img => img.naturalWidth"));
            // The page's Content-Security-Policy stops the tracking pixel before any request.
            assertEquals(List.of(), requests);
        }
    }

    /** JavaScript off; any request that reaches the network layer is recorded and refused. */
    private static BrowserContext offlineContext(List<String> requests) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        context.route("**", route -> {
            requests.add(route.request().url());
            route.abort();
        });
        return context;
    }

    private static Path fixture(String name) {
        return Path.of(System.getProperty("clausecam.projectDir", "."), "src/test/resources/email", name);
    }
}
