package org.clausecam.cli;

import org.clausecam.fetch.FaultServer;
import org.clausecam.store.Store;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile pages through the real {@code track} command, each declared by a service of its own
 * next to a well-behaved one: every page gets a clear outcome in the summary, and the run goes on
 * to capture the good page.
 */
class HostilePagesTrackTest {

    @TempDir
    static Path work;

    static FaultServer server;
    static CliRun run;
    static String store;

    /** Service → its declared page: path, and executeClientScripts (null: HTTP first, browser on a bot wall). */
    private static final Map<String, String[]> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("Good", new String[] {"/ok/terms", "false"});
        PAGES.put("NeverEnding", new String[] {"/never-ending/terms", "false"});
        PAGES.put("Huge", new String[] {"/huge/60/terms", "false"});
        PAGES.put("HugeInBrowser", new String[] {"/huge/60/rendered", "true"});
        PAGES.put("RedirectLoop", new String[] {"/redirect-loop/a", "false"});
        PAGES.put("RedirectLoopInBrowser", new String[] {"/redirect-loop/b", "true"});
        PAGES.put("NeverLoads", new String[] {"/never-loads/terms", "true"});
        PAGES.put("Endless", new String[] {"/endless/terms", "true"});
        PAGES.put("Challenge", new String[] {"/challenge/terms", null});
        PAGES.put("Dialogs", new String[] {"/dialogs/terms", "true"});
        PAGES.put("ResetMidBody", new String[] {"/reset/terms", "true"});
    }

    @BeforeAll
    static void trackEveryHostilePage() throws Exception {
        server = FaultServer.start();
        server.page("/dialogs/terms", """
                <html><head><title>Dialogs</title></head><body><h1>Terms of Service</h1>
                <p>These terms are shown behind an alert, a confirmation and two pop-up windows.</p>
                <script>
                  alert('Accept our cookies!'); confirm('Really?');
                  window.open('/ok/popup-one'); window.open('about:blank');
                  setTimeout(() => { alert('again'); window.open('/ok/popup-two'); }, 50);
                </script></body></html>""");
        Path declarations = Files.createDirectories(work.resolve("declarations"));
        for (Map.Entry<String, String[]> page : PAGES.entrySet()) {
            String scripts = page.getValue()[1] == null ? "" : ", \"executeClientScripts\": " + page.getValue()[1];
            Files.writeString(declarations.resolve(page.getKey() + ".json"), """
                    { "name": "%s", "terms": { "Terms of Service": { "fetch": "%s", "select": ["body"]%s } } }
                    """.formatted(page.getKey(), server.url(page.getValue()[0]), scripts));
        }
        store = "file:" + work.resolve("store");
        run = CliRun.run("track", "--declarations", declarations.toString(), "--store", store,
                "--allow-private-network", "--concurrency", "4", "--max-attempts", "2", "--retry-backoff", "10",
                "--host-delay", "0", "--host-concurrency", "4", "--fetch-timeout", "2", "--navigation-timeout", "2",
                "--max-screenshot-height", "1000");
        System.out.println(run.output());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theRunGoesOnAndSaysWhatHappenedToEachPage() {
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("11 terms in "), run.output());
        assertTrue(run.output().contains(": 4 first records, 0 changed, 0 unchanged, 7 failed ("), run.output());
        assertTrue(!run.output().contains("failed: Good /"), "no failure for the good page:\n" + run.output());
    }

    @Test
    void aBodyThatNeverEndsFailsTransientlyAfterTheFetchTimeout() {
        assertFailed("NeverEnding", "transient", "not complete within 2 s");
    }

    @Test
    void anAnswerLargerThanTheSizeLimitIsRefusedWithoutReadingIt() {
        assertFailed("Huge", "permanent", "exceeds the limit of 52428800 bytes");
        assertEquals(1, server.requestCount("/huge/60/terms"), "a permanent failure is not retried");
        assertFailed("HugeInBrowser", "permanent", "exceeds the limit of 52428800 bytes (62914560 bytes announced)");
    }

    @Test
    void aRedirectLoopIsNamedOverHttpAndInTheBrowser() {
        assertFailed("RedirectLoop", "permanent", "redirect loop");
        assertFailed("RedirectLoopInBrowser", "permanent", "redirect loop");
    }

    @Test
    void aPageThatNeverFiresLoadIsTakenAsItIsAndSaysSo() throws Exception {
        assertCaptured("NeverLoads");
        assertTrue(run.output().contains("note: NeverLoads / Terms of Service: " + server.url("/never-loads/terms")
                + ": the page did not finish loading within 2 s; taken as it was"), run.output());
    }

    @Test
    void anEndlessPageIsPicturedDownToTheHeightLimitAndMarkedTruncated() throws Exception {
        assertCaptured("Endless");
        try (Store s = Stores.open(store)) {
            Integer height = s.latest(new TermsKey("Endless", "Terms of Service")).orElseThrow()
                    .record().documents().get(0).screenshotHeight();
            assertEquals(1000, height);
        }
        assertTrue(run.output().contains("note: Endless / Terms of Service: " + server.url("/endless/terms")
                + ": screenshot truncated to the top 1000 px of a page "), run.output());
    }

    @Test
    void aBotChallengeIsBlockedAndNeverRecordedAsAVersion() throws Exception {
        assertFailed("Challenge", "blocked", "bot wall");
        try (Store s = Stores.open(store)) {
            assertTrue(s.latest(new TermsKey("Challenge", "Terms of Service")).isEmpty());
        }
    }

    @Test
    void dialogsAndPopUpsDoNotHoldTheCapture() throws Exception {
        assertCaptured("Dialogs");
    }

    @Test
    void aResetInTheMiddleOfThePageBodyInTheBrowserIsATransientFailureNotAPartialPage() throws Exception {
        assertFailed("ResetMidBody", "transient", "the answer broke off after HTTP 200 (net::ERR_CONNECTION_RESET); the partial page is not kept");
        assertEquals(2, server.requestCount("/reset/terms"), "retried once, as --max-attempts 2 allows");
    }

    private static void assertFailed(String service, String failureClass, String reason) {
        String line = run.output().lines().filter(l -> l.startsWith("  failed: " + service + " / ")).findFirst()
                .orElseThrow(() -> new AssertionError(service + " not reported as failed:\n" + run.output()));
        assertTrue(line.contains("(" + failureClass + "): "), line);
        assertTrue(line.contains(reason), line);
        assertTrue(line.contains(server.url(PAGES.get(service)[0]).toString()), "names the URL: " + line);
    }

    private static void assertCaptured(String service) throws Exception {
        assertTrue(run.output().lines().anyMatch(l -> l.startsWith("[") && l.contains("] " + service + " / ") && l.contains(": first record in ")), run.output());
        try (Store s = Stores.open(store)) {
            assertEquals(1, s.history(new TermsKey(service, "Terms of Service"), null, 10).size());
        }
    }
}
