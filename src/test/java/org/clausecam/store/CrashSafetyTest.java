package org.clausecam.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer killed with SIGKILL at random moments, ten times in a row against the same store,
 * then a run left to finish: the store verifies consistent (debris allowed) and every terms has
 * the final run's record. Over {@code file:} and over S3Proxy.
 */
class CrashSafetyTest {

    static final int TERMS = 30;
    static final int KILLED_RUNS = 10;

    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    @TempDir
    Path dir;

    @BeforeAll
    static void bucket() {
        S3.createBucket("crash");
    }

    @Test
    void a_file_store_survives_ten_kills_in_the_middle_of_writing() throws Exception {
        String uri = "file:" + dir.resolve("data");
        killTenTimesThenFinish(uri, Map.of());
        try (LayoutStore store = Stores.open(uri)) {
            assertEveryTermsRecordedAndConsistent(store);
        }
    }

    @Test
    void an_s3_store_survives_ten_kills_in_the_middle_of_writing() throws Exception {
        String uri = S3.storeUri("crash", "kills");
        killTenTimesThenFinish(uri, S3.environment());
        try (LayoutStore store = S3Store.open(S3Location.parse(uri), S3.credentials())) {
            assertEveryTermsRecordedAndConsistent(store);
        }
    }

    private void killTenTimesThenFinish(String uri, Map<String, String> env) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> log = new ArrayList<>();
        for (int round = 1; round <= KILLED_RUNS; round++) {
            Process agent = agent(uri, round, env);
            awaitReady(agent, log);
            // A whole run takes several seconds here: most kills land inside it, at any step.
            Thread.sleep(random.nextInt(2500));
            agent.destroyForcibly();
            agent.waitFor(30, TimeUnit.SECONDS);
            log.add("round " + round + " killed");
        }
        // What the kills left, for the test's output (not asserted: a kill may land after a run's end).
        try (LayoutStore store = uri.startsWith("file:") ? Stores.open(uri) : S3Store.open(S3Location.parse(uri), S3.credentials())) {
            VerificationReport before = new StoreVerifier(store).verify();
            System.out.printf("%s after %d killed runs (seed %d): %d records (%d if no run had been interrupted), "
                            + "%d inconsistencies, harmless: %s%n", store.describe(), KILLED_RUNS, seed, before.records(),
                    KILLED_RUNS * TERMS, before.inconsistencies().size(),
                    before.harmless().stream().map(f -> f.kind().toString()).distinct().toList()
                            + " x" + before.harmless().size());
        }
        Process last = agent(uri, KILLED_RUNS + 1, env);
        BufferedReader lastOutput = awaitReady(last, log);
        StringBuilder output = new StringBuilder();
        for (String line; (line = lastOutput.readLine()) != null; ) output.append(line).append('\n');
        assertTrue(last.waitFor(5, TimeUnit.MINUTES), "final run did not finish");
        assertEquals(0, last.exitValue(), "final run failed (seed " + seed + "): " + output + "\n" + log);
    }

    private static void assertEveryTermsRecordedAndConsistent(LayoutStore store) throws StoreException {
        VerificationReport report = new StoreVerifier(store).verify();
        assertEquals(List.of(), report.inconsistencies(), report.findings().toString());
        for (int i = 0; i < TERMS; i++) {
            StoredRecord latest = store.latest(AppendingAgent.terms(i)).orElseThrow();
            assertEquals("round-" + (KILLED_RUNS + 1), latest.record().agentVersion());
        }
    }

    private static Process agent(String uri, int round, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), AppendingAgent.class.getName(),
                uri, Integer.toString(round), Integer.toString(TERMS))
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }

    private static BufferedReader awaitReady(Process agent, List<String> log) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("ready")) return out;
            log.add(line);
        }
        throw new IllegalStateException("agent exited before it was ready: " + log);
    }
}
