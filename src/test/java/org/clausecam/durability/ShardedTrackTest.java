package org.clausecam.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.cli.CliRun;
import org.clausecam.store.LayoutStore;
import org.clausecam.store.S3ProxyServer;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;
import org.clausecam.track.PrometheusSamples;
import org.clausecam.track.Shard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stand-in for a Kubernetes Indexed Job: three shards of {@code track}, each its own JVM
 * running the real CLI, at once against one S3Proxy store and one farm of 24 terms (8 services,
 * each terms on its own loopback host, plain HTTP). Together they record every terms exactly once
 * (records are counted in the store, not requests), each keeps its run summary and metrics, and
 * {@code verify} finds the store clean. One shard takes its part from the environment an Indexed
 * Job gives its pods, as the manifests run it. SIGTERM to one shard mid-run leaves the store clean,
 * that shard exits 4 (and says so in its metrics and summary), and its re-run completes it. A pod
 * given its index without the shard count tracks nothing and exits 2.
 */
class ShardedTrackTest {

    static final int TERMS = 24;
    static final int SHARDS = 3;
    /** How long each page takes to answer in the stopped run: long enough that the signal finds captures in flight. */
    static final long SLOW_PAGE_MILLIS = 1500;

    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    static S3Credentials credentials;

    @TempDir
    Path dir;

    @BeforeAll
    static void bucket() {
        S3.createBucket("cluster");
        credentials = S3Credentials.of(S3);
    }

    @AfterAll
    static void forgetCredentials() {
        credentials.close();
    }

    @Test
    void three_shards_at_once_record_every_terms_exactly_once_and_the_store_verifies_clean() throws Exception {
        try (TermsSite site = new TermsSite(TERMS, Set.of())) {
            Path declarations = site.declare(dir.resolve("declarations"), false);
            String store = S3.storeUri("cluster", "all-at-once");

            List<ShardProcess> shards = new ArrayList<>();
            for (int i = 0; i < SHARDS; i++) shards.add(ShardProcess.start(i, declarations, store, dir, i == 1));
            for (ShardProcess s : shards) s.awaitEnd();

            for (ShardProcess s : shards) assertEquals(0, s.exit(), s.output());
            try (LayoutStore s = Stores.open(store)) {
                assertEquals(TERMS, s.terms().size(), "every terms has a history");
                for (TermsSite.Entry e : site.entries()) {
                    assertEquals(1, s.history(new TermsKey(e.service(), e.type()), null, 10).size(), e + " is recorded exactly once");
                }
            }
            CliRun verify = CliRun.run("verify", "--store", store);
            assertEquals(0, verify.exit(), verify.output());

            double firstRecords = 0;
            for (ShardProcess s : shards) {
                Map<String, Double> metrics = PrometheusSamples.parse(Files.readString(s.metrics()));
                assertEquals(0.0, metrics.get("clausecam_run_exit_code"), s.output());
                firstRecords += metrics.get("clausecam_terms_total{status=\"first-record\"}");
            }
            assertEquals(TERMS, firstRecords, "the shards' metrics add up to every terms");

            List<JsonNode> summaries = runSummaries("all-at-once");
            assertEquals(SHARDS, summaries.size(), "one run summary per shard");
            Set<String> shardNames = new TreeSet<>();
            int total = 0;
            for (JsonNode summary : summaries) {
                shardNames.add(summary.get("shard").asText());
                total += summary.get("terms").get("first-record").asInt();
                assertEquals(0, summary.get("exitCode").asInt(), summary.toString());
            }
            assertEquals(Set.of("0/3", "1/3", "2/3"), shardNames, "shard 1 took its part from JOB_COMPLETION_INDEX");
            assertEquals(TERMS, total);
        }
    }

    @Test
    void sigterm_to_one_shard_leaves_a_clean_store_exit_4_and_its_rerun_completes_it() throws Exception {
        try (TermsSite site = new TermsSite(TERMS, Set.of())) {
            site.onRequest(i -> pause(SLOW_PAGE_MILLIS));
            Path declarations = site.declare(dir.resolve("declarations"), false);
            String store = S3.storeUri("cluster", "stopped");

            List<ShardProcess> shards = new ArrayList<>();
            for (int i = 0; i < SHARDS; i++) shards.add(ShardProcess.start(i, declarations, store, dir, false));
            // Shard 1 is stopped once it recorded two of its terms, the others in flight or waiting.
            ShardProcess stopped = shards.get(1);
            long ofShard1 = site.entries().stream().filter(e -> new Shard(1, SHARDS).includes(e.service())).count();
            assertTrue(stopped.twoRecorded.await(3, TimeUnit.MINUTES), "two terms recorded before the signal:\n" + stopped.output());
            stopped.process.toHandle().destroy();
            for (ShardProcess s : shards) s.awaitEnd();

            assertEquals(4, stopped.exit(), stopped.output());
            assertEquals(0, shards.get(0).exit(), shards.get(0).output());
            assertEquals(0, shards.get(2).exit(), shards.get(2).output());
            assertEquals(4.0, PrometheusSamples.parse(Files.readString(stopped.metrics())).get("clausecam_run_exit_code"));
            assertTrue(runSummaries("stopped").stream().anyMatch(r -> r.get("shard").asText().equals("1/3")
                    && r.get("exitCode").asInt() == 4 && r.get("failures").get("interrupted").asInt() > 0), "the stopped shard kept its summary");
            CliRun verify = CliRun.run("verify", "--store", store);
            assertEquals(0, verify.exit(), "a clean store after the signal: " + verify.output());

            site.onRequest(i -> { });
            long recorded = stopped.lines.stream().filter(l -> l.startsWith("[") && l.contains(": first record in ")).count();
            ShardProcess rerun = ShardProcess.start(1, declarations, store, dir.resolve("rerun"), false);
            rerun.awaitEnd();
            assertEquals(0, rerun.exit(), rerun.output());
            assertTrue(rerun.output().contains(": " + (ofShard1 - recorded) + " first records, 0 changed, " + recorded + " unchanged, 0 failed"),
                    "the re-run records what the stopped one did not:\n" + rerun.output());
            try (LayoutStore s = Stores.open(store)) {
                for (TermsSite.Entry e : site.entries()) {
                    assertTrue(s.latest(new TermsKey(e.service(), e.type())).isPresent(), e + " is recorded");
                }
            }
            assertEquals(0, CliRun.run("verify", "--store", store).exit());
        }
    }

    @Test
    void a_pod_given_its_index_but_not_the_shard_count_stops_with_exit_2_and_says_what_to_set() throws Exception {
        try (TermsSite site = new TermsSite(3, Set.of())) {
            Path declarations = site.declare(dir.resolve("declarations"), false);
            Path metrics = dir.resolve("metrics.prom");

            Process pod = Clausecam.start(Map.of("JOB_COMPLETION_INDEX", "1"), "track", "--declarations", declarations.toString(),
                    "--store", "file:" + dir.resolve("data"), "--metrics-file", metrics.toString());
            String output = new String(pod.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(pod.waitFor(2, TimeUnit.MINUTES), output);

            assertEquals(2, pod.exitValue(), output);
            assertTrue(output.contains("JOB_COMPLETION_INDEX=1 is set (a Kubernetes Indexed Job) but CLAUSECAM_SHARDS is not"), output);
            assertEquals(2.0, PrometheusSamples.parse(Files.readString(metrics)).get("clausecam_run_exit_code"));
            assertTrue(Files.notExists(dir.resolve("data")), "nothing was tracked");
        }
    }

    /** The run summaries the shards kept in the store, read from S3Proxy's files as any other program could read them. */
    private static List<JsonNode> runSummaries(String prefix) throws IOException {
        Path runs = S3.dataDir().resolve("cluster").resolve(prefix).resolve("runs");
        List<JsonNode> summaries = new ArrayList<>();
        try (Stream<Path> files = Files.list(runs)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                summaries.add(new ObjectMapper().readTree(f.toFile()));
            }
        }
        return summaries;
    }

    /** One shard: its own JVM running {@code clausecam track}, its output read as it comes. */
    private record ShardProcess(Process process, List<String> lines, CountDownLatch twoRecorded, CompletableFuture<Void> reading, Path metrics) {

        /** With {@code fromEnvironment}, the shard is given as a Kubernetes Indexed Job gives it to a pod, not by --shard. */
        static ShardProcess start(int index, Path declarations, String store, Path dir, boolean fromEnvironment) throws IOException {
            Path metrics = dir.resolve("metrics-" + index + ".prom");
            List<String> args = new ArrayList<>(List.of("track", "--declarations", declarations.toString(), "--store", store,
                    "--allow-private-network", "--no-screenshots", "--metrics-file", metrics.toString()));
            Map<String, String> env = new HashMap<>(S3.environment());
            if (fromEnvironment) {
                env.put("JOB_COMPLETION_INDEX", Integer.toString(index));
                env.put("CLAUSECAM_SHARDS", Integer.toString(SHARDS));
            } else {
                args.addAll(List.of("--shard", index + "/" + SHARDS));
            }
            Process process = Clausecam.start(env, args.toArray(String[]::new));
            List<String> lines = new CopyOnWriteArrayList<>();
            CountDownLatch twoRecorded = new CountDownLatch(2);
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> read(process, lines, twoRecorded));
            return new ShardProcess(process, lines, twoRecorded, reading, metrics);
        }

        void awaitEnd() throws Exception {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("shard did not end within 5 minutes:\n" + output());
            }
            reading.get(30, TimeUnit.SECONDS);
        }

        int exit() {
            return process.exitValue();
        }

        String output() {
            return String.join("\n", lines);
        }

        private static void read(Process process, List<String> lines, CountDownLatch recorded) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    if (line.startsWith("[") && line.contains(": first record in ")) recorded.countDown();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a shard's output", e);
            }
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
