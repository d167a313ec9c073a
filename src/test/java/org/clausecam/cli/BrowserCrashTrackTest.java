package org.clausecam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.clausecam.fetch.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code track} of four pages rendered by Chromium, two in flight, while the browser's main
 * process is killed with SIGKILL (as a crash or the OOM killer would) once the first slow page is
 * being asked for: a fresh browser is started, the captures that were in flight are taken again,
 * and the run ends with every terms recorded and nothing failed.
 */
class BrowserCrashTrackTest {

    @TempDir
    static Path work;

    static FixtureServer server;
    static CliRun run;
    static final AtomicBoolean killed = new AtomicBoolean();
    static final AtomicLong killedPid = new AtomicLong();

    @BeforeAll
    static void trackWhileTheBrowserIsKilled() throws Exception {
        server = new FixtureServer();
        for (String name : List.of("first", "second", "third", "fourth")) {
            server.handle("/" + name, exchange -> answerSlowly(exchange, name));
        }
        Path declarations = Files.createDirectories(work.resolve("declarations"));
        for (String name : List.of("first", "second", "third", "fourth")) {
            Files.writeString(declarations.resolve(name + ".json"), """
                    { "name": "%s", "terms": { "Terms of Service": { "fetch": "%s", "select": ["body"], "executeClientScripts": true } } }
                    """.formatted(name, server.url("/" + name)));
        }
        run = CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + work.resolve("store"),
                "--allow-private-network", "--host-delay", "0", "--concurrency", "2");
        System.out.println(run.output());
    }

    /** The first request for the second page kills the browser that asked for it, then answers after a while. */
    private static void answerSlowly(HttpExchange exchange, String name) throws IOException {
        if (name.equals("second") && killed.compareAndSet(false, true)) {
            ProcessHandle browser = mainBrowserProcess();
            killedPid.set(browser.pid());
            browser.destroyForcibly();
        }
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while holding back the answer", e);
        }
        FixtureServer.send(exchange, 200, ("<html><body><h1>Terms of " + name + "</h1><p>These terms of the " + name
                + " service apply to every use of it, whatever the browser went through.</p></body></html>")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Chromium's browser process: a descendant of this JVM running Chromium without a {@code --type=} (its helpers have one). */
    private static ProcessHandle mainBrowserProcess() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).stream().noneMatch(arg -> arg.startsWith("--type="))).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Chromium browser process among this JVM's descendants"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theBrowserWasKilledWhileAPageWasLoading() {
        assertTrue(killed.get(), "the second page was never asked for");
        assertTrue(ProcessHandle.of(killedPid.get()).map(p -> !p.isAlive()).orElse(true), "the killed browser still runs");
    }

    @Test
    void everyTermsIsRecordedAndNoneFailed() {
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains(": 4 first records, 0 changed, 0 unchanged, 0 failed"), run.output());
    }

    @Test
    void theSecondPageIsRecordedFromAFreshBrowser() {
        assertTrue(server.hits("/second") >= 2, "the second page was asked for " + server.hits("/second") + " time(s)");
    }
}
