package org.clausecam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.clausecam.fetch.FaultServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code track} run with a page whose script never yields, a declared filter with an endless
 * loop, and ordinary terms rendered in the same browser: the two looping ones fail naming why,
 * the others are captured, and the run ends.
 */
class LoopingPagesTrackTest {

    @TempDir
    static Path work;

    static FaultServer server;
    static CliRun run;

    @BeforeAll
    static void trackThem() throws Exception {
        server = FaultServer.start();
        server.page("/looping/terms", """
                <html><head><title>Looping</title></head><body><h1>Terms of Service</h1>
                <p>These terms never finish rendering.</p><script>while (true) {}</script></body></html>""");
        Path declarations = Files.createDirectories(work.resolve("declarations"));
        declare(declarations, "Looping", "/looping/terms", ", \"executeClientScripts\": true");
        declare(declarations, "LoopingFilter", "/ok/filtered", ", \"filter\": [\"spin\"]");
        Files.writeString(declarations.resolve("LoopingFilter.filters.js"), "export function spin(document) { while (true) {} }\n");
        declare(declarations, "RenderedOne", "/ok/rendered-one", ", \"executeClientScripts\": true");
        declare(declarations, "RenderedTwo", "/ok/rendered-two", ", \"executeClientScripts\": true");
        declare(declarations, "RenderedThree", "/ok/rendered-three", ", \"executeClientScripts\": true");
        declare(declarations, "Plain", "/ok/plain", "");
        Instant start = Instant.now();
        run = CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + work.resolve("store"),
                "--allow-private-network", "--host-delay", "0", "--navigation-timeout", "5", "--max-attempts", "1");
        System.out.println(run.output());
        System.out.println("wall time of the run: " + Duration.between(start, Instant.now()).toMillis() + " ms");
    }

    private static void declare(Path folder, String service, String path, String extra) throws Exception {
        Files.writeString(folder.resolve(service + ".json"), """
                { "name": "%s", "terms": { "Terms of Service": { "fetch": "%s", "select": ["body"]%s } } }
                """.formatted(service, server.url(path), extra));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theLoopingPageFailsAsABrowserFailureThatSaysWhy() {
        String line = failure("Looping");
        assertTrue(line.contains("(browser): "), line);
        assertTrue(line.contains("the page's scripts did not yield within 5 s"), line);
        assertTrue(line.contains("the browser was restarted"), line);
        assertTrue(line.contains(server.url("/looping/terms").toString()), line);
    }

    @Test
    void theLoopingFilterFailsAsTheDeclarationsFaultAndSaysWhy() {
        String line = failure("LoopingFilter");
        assertTrue(line.contains("(declaration): "), line);
        assertTrue(line.contains("filters [spin] of " + server.url("/ok/filtered") + " did not return within 30 s"), line);
        assertTrue(line.contains("the browser was restarted"), line);
    }

    @Test
    void theOtherTermsAreCapturedAndTheRunEnds() {
        // A filter that never returns is the declaration's fault: exit 2 outranks the page failure's 1.
        assertEquals(2, run.exit(), run.output());
        for (String service : new String[] {"RenderedOne", "RenderedTwo", "RenderedThree", "Plain"}) {
            assertTrue(run.output().lines().anyMatch(l -> l.startsWith("[") && l.contains("] " + service + " / ") && l.contains(": first record in ")), service + "\n" + run.output());
        }
        assertTrue(run.output().contains(": 4 first records, 0 changed, 0 unchanged, 2 failed ("), run.output());
    }

    private static String failure(String service) {
        return run.output().lines().filter(l -> l.startsWith("  failed: " + service + " / ")).findFirst()
                .orElseThrow(() -> new AssertionError(service + " not reported as failed:\n" + run.output()));
    }
}
