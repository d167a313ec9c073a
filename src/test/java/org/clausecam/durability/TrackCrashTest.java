package org.clausecam.durability;

import org.clausecam.cli.CliRun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.store.Finding;
import org.clausecam.store.LayoutStore;
import org.clausecam.store.S3ProxyServer;
import org.clausecam.store.StoreVerifier;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;
import org.clausecam.store.VerificationReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code clausecam track} of 30 terms, run as its own process and killed with SIGKILL at a
 * random moment ten times in a row against the same store, the pages changing between runs so
 * that new records are being written when the kills land; then one run left to finish.
 *
 * <p>After every kill the store already verifies consistent (a crash at any instant leaves only
 * harmless debris); after the final run every terms has that run's record, every history is an
 * unbroken hash chain whose "changed" flags are right, and {@code verify} exits 0.
 *
 * <p>The kill moments come from a seeded random generator ({@code -Dclausecam.crashSeed=N} to
 * replay one); the seed is printed with the figures.
 */
class TrackCrashTest {

    static final int TERMS = 30;
    static final int KILLED_RUNS = 10;
    /** Rendered in Chromium (the rest is fetched over HTTP, as most real terms are). */
    static final Set<Integer> BROWSER = Set.of(4, 14, 25);
    /**
     * Runs in which those are declared for the browser; in the others every terms is fetched over
     * HTTP, so that no Chromium start-up (several seconds here) slows them down.
     */
    static final Set<Integer> BROWSER_RUNS = Set.of(2, 6, KILLED_RUNS + 1);
    /**
     * Runs of the file: test that also take full-page screenshots of every page (the others use
     * --no-screenshots, for speed; the S3 test takes none, to stay within its time).
     */
    static final Set<Integer> SCREENSHOT_RUNS = Set.of(6);
    static final long SEED = Long.getLong("clausecam.crashSeed", 20261129L);

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    static S3Credentials credentials;

    @TempDir
    Path dir;

    @BeforeAll
    static void bucket() {
        S3.createBucket("crash");
        credentials = S3Credentials.of(S3);
    }

    @AfterAll
    static void forgetCredentials() {
        credentials.close();
    }

    @Test
    void a_file_store_loses_nothing_when_track_is_killed_ten_times() throws Exception {
        killTenTimesThenFinish("file:" + dir.resolve("data"), Map.of(), SEED, SCREENSHOT_RUNS);
    }

    @Test
    void an_s3_store_loses_nothing_when_track_is_killed_ten_times() throws Exception {
        killTenTimesThenFinish(S3.storeUri("crash", "track"), S3.environment(), SEED + 1, Set.of());
    }

    private void killTenTimesThenFinish(String store, Map<String, String> env, long seed, Set<Integer> screenshotRuns) throws Exception {
        Random random = new Random(seed);
        List<String> log = new ArrayList<>();
        try (TermsSite site = new TermsSite(TERMS, BROWSER)) {
            Path declarations = dir.resolve("declarations");
            for (int run = 1; run <= KILLED_RUNS; run++) {
                revise(site, run);
                site.declare(declarations, BROWSER_RUNS.contains(run));
                int afterTerms = random.nextInt(TERMS);
                int delayMillis = random.nextInt(250);
                long started = System.nanoTime();
                Process agent = Clausecam.start(env, track(declarations, store, screenshotRuns.contains(run)));
                int seen;
                boolean wasRunning;
                long ranMillis;
                int leftBehind;
                try {
                    seen = awaitFinishedTerms(agent, afterTerms);
                    Thread.sleep(delayMillis);
                } finally {
                    wasRunning = agent.isAlive();
                    ranMillis = (System.nanoTime() - started) / 1_000_000;
                    leftBehind = kill(agent);
                }
                log.add("run " + run + ": killed at " + ranMillis + " ms, " + delayMillis + " ms after " + seen + " terms finished"
                        + (wasRunning ? "" : " (it had already exited)")
                        + (leftBehind == 0 ? "" : ", " + leftBehind + " of its child processes ended by the test"));
                try (LayoutStore s = Stores.open(store)) {
                    VerificationReport report = new StoreVerifier(s).verify();
                    assertEquals(List.of(), report.inconsistencies(), "after the kill of run " + run + " (seed " + seed + "): " + log);
                }
            }
            String debris;
            int recordsBeforeFinal;
            try (LayoutStore s = Stores.open(store)) {
                VerificationReport report = new StoreVerifier(s).verify();
                recordsBeforeFinal = report.records();
                debris = harmlessCounts(report).toString();
            }

            int finalRun = KILLED_RUNS + 1;
            revise(site, finalRun);
            site.declare(declarations, true);
            Process agent = Clausecam.start(env, track(declarations, store, false));
            CompletableFuture<String> finalOutput = CompletableFuture.supplyAsync(() -> readAll(agent));
            if (!agent.waitFor(3, TimeUnit.MINUTES)) {
                kill(agent);
                throw new AssertionError("the final run did not end within 3 minutes (seed " + seed + ")");
            }
            String output = finalOutput.get(30, TimeUnit.SECONDS);
            assertEquals(0, agent.exitValue(), "final run (seed " + seed + "): " + output + "\n" + log);
            Map<TermsKey, String> recorded = recordedBy(output);
            assertEquals(TERMS, recorded.size(), output);

            CliRun verify = CliRun.run("verify", "--store", store);
            assertEquals(0, verify.exit(), verify.output());
            try (LayoutStore s = Stores.open(store)) {
                VerificationReport report = new StoreVerifier(s).verify();
                assertEquals(List.of(), report.inconsistencies(), report.findings().toString());
                assertTrue(report.findings().stream().noneMatch(f -> f.kind() == Finding.Kind.STALE_HEAD),
                        "the final run rewrote every head: " + report.findings());
                List<String> problems = new ArrayList<>();
                for (TermsSite.Entry e : site.entries()) {
                    TermsKey terms = new TermsKey(e.service(), e.type());
                    problems.addAll(Histories.problems(s, terms));
                    StoredRecord latest = s.latest(terms).orElseThrow();
                    assertEquals(recorded.get(terms), latest.id(), "the final run's record of " + terms + " is the latest");
                    String version = new String(s.getBlob(latest.record().version()), StandardCharsets.UTF_8);
                    assertTrue(version.contains(TermsSite.revisionSentence(site.revision(e.index()))), terms + ": " + version);
                }
                assertEquals(List.of(), problems);

                // The debris of the kills is removable, and removing it takes nothing a record needs.
                CliRun prune = CliRun.run("verify", "--store", store, "--prune", "--prune-grace", "PT0S");
                assertEquals(0, prune.exit(), prune.output());
                CliRun pruned = CliRun.run("verify", "--store", store);
                assertEquals(0, pruned.exit(), pruned.output());
                VerificationReport clean = new StoreVerifier(s).verify();
                assertTrue(clean.findings().stream().allMatch(f -> f.kind() == Finding.Kind.UNKNOWN_OBJECT),
                        "only objects outside the layout are kept: " + clean.findings());
                System.out.printf("crash test, %s, seed %d: %d kills (%s); after them %d records of at most %d, "
                                + "0 inconsistencies, harmless debris %s; final run: %d records, verify: %s%n",
                        s.describe(), seed, KILLED_RUNS, String.join("; ", log), recordsBeforeFinal, KILLED_RUNS * TERMS, debris,
                        report.records(), verify.output().lines().reduce((a, b) -> b).orElse(""));
            }
        }
    }

    /** A third of the terms changes at every run, a third every third run, a third never. */
    private static void revise(TermsSite site, int run) {
        for (TermsSite.Entry e : site.entries()) {
            site.revise(e.index(), switch (e.index() % 3) {
                case 0 -> run;
                case 1 -> 1 + run / 3;
                default -> 1;
            });
        }
    }

    private static String[] track(Path declarations, String store, boolean screenshots) {
        List<String> args = new ArrayList<>(List.of("track", "--declarations", declarations.toString(), "--store", store,
                "--allow-private-network", "--log-format", "json", "--concurrency", "2"));
        if (!screenshots) args.add("--no-screenshots");
        return args.toArray(String[]::new);
    }

    /** Reads the agent's events until {@code count} terms finished (0: until the run started); returns how many did. */
    private static int awaitFinishedTerms(Process agent, int count) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
        int finished = 0;
        boolean started = false;
        for (String line; (line = out.readLine()) != null; ) {
            if (line.contains("\"event\":\"run-started\"")) started = true;
            if (line.contains("\"event\":\"terms-finished\"")) finished++;
            if (started && finished >= count) return finished;
        }
        return finished;
    }

    /**
     * SIGKILL, as a crash or the OOM killer would. Playwright's driver and Chromium, started by
     * the agent, should see their parent gone and exit; those still there after 10 s are ended
     * here (and counted), so that no test leaves processes behind.
     */
    private static int kill(Process agent) throws Exception {
        List<ProcessHandle> children = agent.descendants().toList();
        agent.destroyForcibly();
        assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "the agent did not die");
        int ended = 0;
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException stillThere) {
                child.destroyForcibly();
                ended++;
            }
        }
        return ended;
    }

    private static String readAll(Process agent) {
        try {
            return new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agent's output", e);
        }
    }

    /** The record id each terms got, from the run's JSON events. */
    private static Map<TermsKey, String> recordedBy(String output) throws Exception {
        Map<TermsKey, String> recorded = new HashMap<>();
        for (String line : output.lines().toList()) {
            if (!line.startsWith("{")) continue;
            JsonNode event = JSON.readTree(line);
            if (event.path("event").asText().equals("terms-finished") && event.hasNonNull("record")) {
                recorded.put(new TermsKey(event.get("service").asText(), event.get("termsType").asText()), event.get("record").asText());
            }
        }
        return recorded;
    }

    private static Map<String, Integer> harmlessCounts(VerificationReport report) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : report.harmless()) counts.merge(f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), 1, Integer::sum);
        return counts;
    }
}
