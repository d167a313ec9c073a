package org.clausecam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clausecam.capture.ProcessTreeSampler;
import org.clausecam.fetch.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code track} on an ordinary page with an {@code <iframe>} onto a body that never ends, next to
 * an ordinary page: the framed page is recorded with a note saying its frames went over budget,
 * and the browser's processes stay within the bound documented in docs/benchmarks.md while it
 * runs (sampled; a safety net kills them above 4 GiB so that the test cannot hurt the machine).
 */
class EndlessFrameTrackTest {

    static final long BOUND_BYTES = 1024L << 20;

    @TempDir
    static Path work;

    static FixtureServer server;
    static CliRun run;
    static long peak;
    static boolean safetyNetFired;

    @BeforeAll
    static void trackThem() throws Exception {
        byte[] block = ("<p>" + "An endless clause of an endless frame. ".repeat(1500) + "</p>\n").getBytes(StandardCharsets.US_ASCII);
        server = new FixtureServer()
                .serve("/framed", "text/html", "<html><body><h1>Terms</h1><p>Ordinary terms, framed.</p>"
                        + "<iframe src=\"/flood\" width=\"600\" height=\"400\"></iframe></body></html>")
                .serve("/plain", "text/html", "<html><body><h1>Terms</h1><p>Ordinary terms.</p></body></html>")
                .handle("/flood", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/html");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        for (long sent = 0; sent < 64L << 30; sent += block.length) {
                            out.write(block);
                        }
                    } catch (IOException browserWentAway) {
                        // What ends this body: the browser stopped loading or closed the page.
                    }
                });
        Path declarations = Files.createDirectories(work.resolve("declarations"));
        for (String service : new String[] {"Framed", "Plain"}) {
            Files.writeString(declarations.resolve(service + ".json"), """
                    { "name": "%s", "terms": { "Terms of Service": { "fetch": "%s", "select": ["body"], "executeClientScripts": true } } }
                    """.formatted(service, server.url("/" + service.toLowerCase(java.util.Locale.ROOT))));
        }
        try (ProcessTreeSampler sampler = ProcessTreeSampler.start(4L << 30)) {
            run = CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + work.resolve("store"),
                    "--allow-private-network", "--host-delay", "0");
            peak = sampler.peakBytes();
            safetyNetFired = sampler.killed();
        }
        System.out.println(run.output());
        System.out.println("peak PSS of the browser's processes: " + (peak >> 20) + " MiB");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theFramedPageIsRecordedWithANoteAndTheOtherPageToo() {
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains(": 2 first records, 0 changed, 0 unchanged, 0 failed"), run.output());
        assertTrue(run.output().contains("note: Framed / Terms of Service: " + server.url("/framed")
                + ": the documents of its frames exceeded 8 MiB ("), run.output());
        assertTrue(run.output().contains("); loading was stopped and "), run.output());
    }

    @Test
    void theBrowserStaysWithinItsMemoryBound() {
        assertFalse(safetyNetFired, "the safety net had to kill the browser");
        assertTrue(peak < BOUND_BYTES, "peak " + (peak >> 20) + " MiB");
    }
}
