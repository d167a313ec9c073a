package org.clausecam.durability;

import org.clausecam.cli.CliRun;
import org.clausecam.store.LayoutStore;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code clausecam track} as its own process, stopped with SIGTERM (what Kubernetes sends a pod,
 * {@link ProcessHandle#destroy()} on Linux) while captures are in flight on a slow site, some in
 * Chromium: it exits 4 after printing its summary, the captures cut short are "interrupted" (not
 * "browser"), the terms not started are reported too, the store verifies clean, and a re-run
 * captures the rest.
 */
class TrackInterruptTest {

    static final int TERMS = 12;
    /** Rendered in Chromium, so that the signal also lands on browser captures in flight. */
    static final Set<Integer> BROWSER = Set.of(1, 4, 7, 10);
    /** How long each page takes to answer: long enough that the signal finds captures in flight. */
    static final long PAGE_MILLIS = 1500;

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheRunWithASummaryAndExitFourAndARerunCompletesIt() throws Exception {
        try (TermsSite site = new TermsSite(TERMS, BROWSER)) {
            site.onRequest(i -> pause(PAGE_MILLIS));
            Path declarations = site.declare(dir.resolve("declarations"));
            String store = "file:" + dir.resolve("data");
            String[] track = {"track", "--declarations", declarations.toString(), "--store", store,
                    "--allow-private-network", "--no-screenshots", "--concurrency", "2"};

            Process agent = Clausecam.start(Map.of(), track);
            List<String> lines = new CopyOnWriteArrayList<>();
            CountDownLatch twoRecorded = new CountDownLatch(2);
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> read(agent, lines, twoRecorded));
            assertTrue(twoRecorded.await(3, TimeUnit.MINUTES), "two terms recorded before the signal:\n" + String.join("\n", lines));
            // SIGTERM; through the handle, since Process.destroy() would also close our end of its output.
            long signalled = System.nanoTime();
            agent.toHandle().destroy();
            boolean ended = agent.waitFor(2, TimeUnit.MINUTES);
            long stopMillis = (System.nanoTime() - signalled) / 1_000_000;
            if (!ended) agent.destroyForcibly();
            reading.get(30, TimeUnit.SECONDS);
            String output = String.join("\n", lines);
            System.out.println("the stopped run:\n" + output);

            assertTrue(ended, "the agent ended after SIGTERM:\n" + output);
            assertEquals(4, agent.exitValue(), output);
            assertTrue(output.contains(TERMS + " terms in "), "the summary is printed:\n" + output);
            assertTrue(output.contains(" interrupted)"), "the summary counts interrupted terms:\n" + output);
            assertTrue(output.contains("interrupted: what was captured is stored; run again to capture the rest"), output);
            assertFalse(output.contains("(browser)"), "no capture cut short is reported as a browser failure:\n" + output);
            long recorded = lines.stream().filter(l -> l.startsWith("[") && l.contains(": first record in ")).count();
            assertTrue(recorded >= 2 && recorded < TERMS, output);

            CliRun verify = CliRun.run("verify", "--store", store);
            assertEquals(0, verify.exit(), verify.output());

            site.onRequest(i -> { });
            CliRun rerun = CliRun.run(track);
            assertEquals(0, rerun.exit(), rerun.output());
            assertTrue(rerun.output().contains(": " + (TERMS - recorded) + " first records, 0 changed, " + recorded + " unchanged, 0 failed"),
                    "the re-run captures what the stopped one did not:\n" + rerun.output());
            try (LayoutStore s = Stores.open(store)) {
                for (TermsSite.Entry e : site.entries()) {
                    assertTrue(s.latest(new TermsKey(e.service(), e.type())).isPresent(), e + " is recorded");
                }
            }
            System.out.printf("SIGTERM test: %d of %d terms recorded before the signal, exit %d %d ms after it; "
                    + "the re-run recorded the other %d%n", recorded, TERMS, agent.exitValue(), stopMillis, TERMS - recorded);
        }
    }

    private static void read(Process agent, List<String> lines, CountDownLatch recorded) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.startsWith("[") && line.contains(": first record in ")) recorded.countDown();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agent's output", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
