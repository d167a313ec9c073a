package org.clausecam.durability;

import org.clausecam.store.S3ProxyServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Bytes written to the store by a {@code clausecam track} re-run where nothing changed (not a
 * test: it measures). Run with scripts/bench/track-rerun-bench.
 *
 * <p>30 terms are served on 127.0.0.x (three rendered in Chromium); the real CLI tracks them
 * twice into a {@code file:} store and twice into an {@code s3://} bucket of S3Proxy, whose
 * filesystem backend keeps each object as a file. Bytes written = the sizes of the files that
 * are new or were rewritten (different size or modification time) between before and after the
 * re-run, split into blobs, records and heads.
 */
public final class TrackRerunBench {

    public static void main(String[] args) throws Exception {
        boolean screenshots = !Set.of(args).contains("--no-screenshots");
        Path work = Files.createTempDirectory("clausecam-rerun-bench-");
        try (TermsSite site = new TermsSite(30, Set.of(4, 14, 25))) {
            Path declarations = site.declare(work.resolve("declarations"));
            measure("file:", "file:" + work.resolve("data"), work.resolve("data"), declarations, screenshots);
            try (S3ProxyServer s3 = new S3ProxyServer().start(); S3Credentials c = S3Credentials.of(s3)) {
                s3.createBucket("bench");
                measure("s3:// (S3Proxy 4.1.0)", s3.storeUri("bench", "rerun"), s3.dataDir().resolve("bench/rerun"), declarations, screenshots);
            }
        }
    }

    static void measure(String label, String store, Path files, Path declarations, boolean screenshots) throws Exception {
        String[] track = screenshots
                ? new String[] {"track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network"}
                : new String[] {"track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network", "--no-screenshots"};
        Clausecam.Run first = Clausecam.run(track);
        if (first.exit() != 0) throw new IllegalStateException("first run failed:\n" + first.output());
        Map<String, long[]> before = snapshot(files);
        long total = before.values().stream().mapToLong(v -> v[0]).sum();
        Thread.sleep(20); // so that a rewritten file's modification time differs
        Clausecam.Run again = Clausecam.run(track);
        if (again.exit() != 0) throw new IllegalStateException("re-run failed:\n" + again.output());
        Map<String, long[]> after = snapshot(files);
        long blobs = 0, records = 0, heads = 0, other = 0;
        int blobFiles = 0, recordFiles = 0, headFiles = 0;
        for (Map.Entry<String, long[]> f : after.entrySet()) {
            long[] old = before.get(f.getKey());
            if (old != null && old[0] == f.getValue()[0] && old[1] == f.getValue()[1]) continue;
            long size = f.getValue()[0];
            if (f.getKey().startsWith("blobs/")) { blobs += size; blobFiles++; }
            else if (f.getKey().startsWith("records/")) { records += size; recordFiles++; }
            else if (f.getKey().startsWith("heads/")) { heads += size; headFiles++; }
            else other += size;
        }
        String summary = again.output().lines().filter(l -> l.contains(" terms in ")).findFirst().orElse("?");
        System.out.printf("%s, screenshots %s: first run stored %,d bytes; unchanged re-run (%s) wrote %,d bytes: "
                        + "%d records %,d B + %d heads %,d B + %d blobs %,d B%s%n",
                label, screenshots ? "on" : "off", total, summary.strip(), blobs + records + heads + other,
                recordFiles, records, headFiles, heads, blobFiles, blobs, other == 0 ? "" : " + other " + other + " B");
    }

    /** Key → {size, modification time in ns} of every regular file under {@code root}, temporary files excluded. */
    static Map<String, long[]> snapshot(Path root) throws IOException {
        Map<String, long[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".")) continue;
                files.put(root.relativize(p).toString().replace('\\', '/'),
                        new long[] {Files.size(p), Files.getLastModifiedTime(p).to(java.util.concurrent.TimeUnit.NANOSECONDS)});
            }
        }
        return files;
    }
}
