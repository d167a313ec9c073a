package org.clausecam.durability;

import org.clausecam.store.S3ProxyServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of one farm tracked by three shards at once (three JVMs, as three pods of an Indexed
 * Job) against one process with {@code --shard 0/1}, into one S3Proxy (not a test: it measures).
 * Run with scripts/bench/shards.
 *
 * <p>The farm: 24 terms of 8 services, each terms on its own loopback host, every page answering
 * after {@code --latency MS}; plain HTTP unless {@code --browser} (then every third terms is
 * rendered in Chromium, one Chromium per process). Every run uses {@code --no-screenshots} and
 * the default concurrency (2), and tracks into a fresh prefix, so each records 24 first records.
 */
public final class ShardBench {

    static final int TERMS = 24;

    public static void main(String[] args) throws Exception {
        long latency = 500;
        boolean browser = false;
        int rounds = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--latency" -> latency = Long.parseLong(args[++i]);
                case "--browser" -> browser = true;
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("usage: shards [--latency MS] [--browser] [--rounds N]; got " + args[i]);
            }
        }
        Set<Integer> rendered = new HashSet<>();
        if (browser) for (int i = 0; i < TERMS; i += 3) rendered.add(i);
        Path work = Files.createTempDirectory("clausecam-shard-bench-");
        long pause = latency;
        try (TermsSite site = new TermsSite(TERMS, rendered); S3ProxyServer s3 = new S3ProxyServer().start()) {
            site.onRequest(i -> sleep(pause));
            Path declarations = site.declare(work.resolve("declarations"), browser);
            s3.createBucket("bench");
            System.out.printf(Locale.ROOT, "farm: %d terms, 8 services, one loopback host each, %d ms per page, %s; --no-screenshots%n",
                    TERMS, latency, browser ? rendered.size() + " rendered in Chromium" : "plain HTTP");
            for (int round = 1; round <= rounds; round++) {
                double one = run(s3, declarations, work, "one-" + round, 1);
                double three = run(s3, declarations, work, "three-" + round, 3);
                System.out.printf(Locale.ROOT, "round %d: 1 process (--shard 0/1) %.1f s; 3 shards at once %.1f s (%.2fx)%n",
                        round, one, three, one / three);
            }
        }
    }

    /** Seconds from starting {@code shards} processes to the end of the last, each of which must exit 0. */
    static double run(S3ProxyServer s3, Path declarations, Path work, String prefix, int shards) throws Exception {
        List<Process> processes = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < shards; i++) {
            Map<String, String> env = new HashMap<>(s3.environment());
            Path log = work.resolve(prefix + "-" + i + ".log");
            Process p = startLogged(env, log, "track", "--declarations", declarations.toString(), "--store", s3.storeUri("bench", prefix),
                    "--allow-private-network", "--no-screenshots", "--shard", i + "/" + shards);
            processes.add(p);
        }
        for (int i = 0; i < shards; i++) {
            Process p = processes.get(i);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("shard " + i + "/" + shards + " failed:\n"
                        + Files.readString(work.resolve(prefix + "-" + i + ".log"), StandardCharsets.UTF_8));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Process startLogged(Map<String, String> env, Path log, String... args) throws IOException {
        Process p = Clausecam.start(env, args);
        Thread copying = new Thread(() -> {
            try (var in = p.getInputStream()) {
                Files.copy(in, log);
            } catch (IOException e) {
                System.err.println("cannot keep the output of a shard in " + log + ": " + e.getMessage());
            }
        }, "shard-output");
        copying.setDaemon(true);
        copying.start();
        return p;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
