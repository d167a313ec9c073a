package org.clausecam.fetch;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitUntilState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the {@link FaultServer}'s hostile pages do to real Chromium (the capture code must cope with each). */
class FaultServerInChromiumTest {

    private static Playwright playwright;
    private static Browser browser;
    private FaultServer server;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchChromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void closeChromium() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void open() throws IOException {
        server = FaultServer.start();
        context = browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
        server.close();
    }

    @Test
    void reachesEachLocalhostNameAsItsOwnHost() {
        Response response = page.navigate(server.url("a.localhost", "/ok/terms").toString());

        assertEquals(200, response.status());
        assertTrue(page.title().startsWith("Terms at /ok/terms"));
        assertEquals("document", server.requests().get(0).destination());
        assertEquals(Map.of("a.localhost", 1), server.requestsPerHost());
    }

    @Test
    void neverFiresLoadForAPageWhoseImageNeverCompletes() {
        String url = server.url("b.localhost", "/never-loads/terms").toString();

        assertThrows(TimeoutError.class, () -> page.navigate(url, new Page.NavigateOptions().setTimeout(1500)));
        Response response = page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
        assertEquals(200, response.status());
        assertTrue(page.textContent("body").contains("These terms are here"));
    }

    @Test
    void keepsGrowingAnEndlessPage() {
        page.navigate(server.url("c.localhost", "/endless/terms").toString());
        int height = ((Number) page.evaluate("document.body.scrollHeight")).intValue();

        page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
        page.waitForFunction("h => document.body.scrollHeight > h * 3", height);
    }

    @Test
    void showsTheChallengeWithStatus403() {
        Response response = page.navigate(server.url("d.localhost", "/challenge/terms").toString());

        assertEquals(403, response.status());
        assertEquals("Just a moment...", page.title());
        assertEquals(List.of("challenge"), List.of(response.headers().get("cf-mitigated")));
    }

    @Test
    void failsNavigationOnARedirectLoop() {
        PlaywrightException failure = assertThrows(PlaywrightException.class,
                () -> page.navigate(server.url("e.localhost", "/redirect-loop/a").toString()));

        assertTrue(failure.getMessage().contains("ERR_TOO_MANY_REDIRECTS"), failure.getMessage());
    }

    /**
     * A reset after the headers does not fail the navigation: it commits with status 200, the
     * partial HTML is there, and neither DOMContentLoaded nor load ever fires. Only the main
     * response's {@code finished()} (or a requestfailed event) tells that the body was cut off,
     * so a capture must check it rather than take the partial page as the document.
     */
    @Test
    void aResetMidBodyCommitsThePageAndOnlyTheResponseSaysItFailed() {
        Response response = page.navigate(server.url("f.localhost", "/reset/terms").toString(),
                new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));

        assertEquals(200, response.status());
        assertEquals("net::ERR_CONNECTION_RESET", response.finished());
        assertEquals("loading", page.evaluate("document.readyState"));
    }
}
