package org.clausecam.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Store figures for docs/storage.md (not a test: it times things). Run with scripts/bench/store-bench.
 *
 * <ol>
 *   <li>Latest-record lookup with 10 and with 100,000 records of one terms on file:, and with 10 and
 *       10,000 on S3Proxy. Histories are generated straight into the documented layout (valid
 *       records, valid hash chain; generating 100,000 through append() with fsync takes ~25 min
 *       here), then one more record is appended through the real append(), which must find the
 *       generated tip; lookups are then timed through latest().</li>
 *   <li>Bytes written by a re-append where nothing changed, through the real putBlob()/append().</li>
 * </ol>
 */
public final class StoreBench {

    static final TermsKey TERMS = new TermsKey("Bench Service", "Terms of Service");

    public static void main(String[] args) throws Exception {
        List<String> only = Arrays.asList(args);
        Path work = Files.createTempDirectory("clausecam-bench-");
        System.out.println("# store figures, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        if (only.isEmpty() || only.contains("file")) {
            try (FileStore small = new FileStore(work.resolve("file-10")); FileStore big = new FileStore(work.resolve("file-100000"))) {
                fill(small, 10);
                fill(big, 100_000);
                // Two rounds, alternating, so that JIT warm-up and a busy machine hit both sizes alike.
                for (int round = 1; round <= 2; round++) {
                    lookup(small, 10, 2000, round);
                    lookup(big, 100_000, 2000, round);
                }
            }
            try (FileStore store = new FileStore(work.resolve("file-unchanged"))) {
                unchanged(store);
            }
        }
        if (only.isEmpty() || only.contains("s3")) {
            try (S3ProxyServer s3 = new S3ProxyServer().start()) {
                s3.createBucket("bench");
                try (S3Store small = S3Store.open(S3Location.parse(s3.storeUri("bench", "lookup-10")), s3.credentials());
                     S3Store big = S3Store.open(S3Location.parse(s3.storeUri("bench", "lookup-10000")), s3.credentials())) {
                    fill(small, 10);
                    fill(big, 10_000);
                    for (int round = 1; round <= 2; round++) {
                        lookup(small, 10, 300, round);
                        lookup(big, 10_000, 300, round);
                    }
                }
                try (S3Store store = S3Store.open(S3Location.parse(s3.storeUri("bench", "unchanged")), s3.credentials())) {
                    unchanged(store);
                }
            }
        }
    }

    /** A history of {@code n} records: n - 1 generated into the layout, the last one through append(). */
    static void fill(LayoutStore store, int n) throws Exception {
        String snapshot = store.putBlob(blob(120_000, 1));
        String screenshot = store.putBlob(blob(400_000, 2));
        String version = store.putBlob(blob(12_000, 3));
        long t0 = System.nanoTime();
        String previous = generate(store, n - 1, snapshot, screenshot, version);
        StoredRecord appended = store.append(record(n, previous, snapshot, screenshot, version));
        if (!appended.id().equals(Integer.toString(n))) throw new IllegalStateException("append did not find the tip: " + appended.id());
        System.out.printf("%s filled with %,d records in %.1f s%n", kind(store), n, (System.nanoTime() - t0) / 1e9);
    }

    static void lookup(LayoutStore store, int n, int samples, int round) throws Exception {
        String expected = Integer.toString(n);
        long first = time(() -> store.latest(TERMS));
        for (int i = 0; i < samples / 5; i++) store.latest(TERMS);
        long[] ns = new long[samples];
        for (int i = 0; i < samples; i++) {
            ns[i] = time(() -> {
                if (!store.latest(TERMS).orElseThrow().id().equals(expected)) throw new IllegalStateException("wrong latest");
            });
        }
        Arrays.sort(ns);
        long page = time(() -> store.history(TERMS, null, 20));
        System.out.printf("%s round %d: latest() with %,d records: first call %.2f ms, then median %.3f ms, p90 %.3f ms (%d calls); "
                        + "a history page of 20: %.2f ms%n",
                kind(store), round, n, first / 1e6, ns[samples / 2] / 1e6, ns[samples * 9 / 10] / 1e6, samples, page / 1e6);
    }

    static void unchanged(LayoutStore store) throws Exception {
        byte[] html = blob(120_000, 7);
        byte[] png = blob(400_000, 8);
        byte[] md = blob(12_000, 9);
        StoredRecord first = capture(store, null, html, png, md, 1);
        long before = store.bytesWritten();
        capture(store, first.sha256(), html.clone(), png.clone(), md.clone(), 2);
        long written = store.bytesWritten() - before;
        long record = store.readObject(StoreLayout.recordKey(TERMS, 2)).orElseThrow().length;
        long head = store.readObject(StoreLayout.headKey(TERMS)).orElseThrow().length;
        System.out.printf("%s: re-append with nothing changed (blobs of %,d + %,d + %,d bytes): %,d bytes written = record %,d + head %,d; blob bytes %,d%n",
                kind(store), html.length, png.length, md.length, written, record, head, written - record - head);
    }

    /** What the tracker does: put the blobs (skipped when present), then append. */
    static StoredRecord capture(LayoutStore store, String previous, byte[] html, byte[] png, byte[] md, int i) throws Exception {
        String snapshot = store.putBlob(html);
        String screenshot = store.putBlob(png);
        String version = store.putBlob(md);
        return store.append(record(i, previous, snapshot, screenshot, version));
    }

    /** Records 1..count straight into the layout, chained; returns the last one's hash. */
    static String generate(LayoutStore store, int count, String snapshot, String screenshot, String version) throws Exception {
        String previous = null;
        for (int seq = 1; seq <= count; seq++) {
            byte[] bytes = RecordCodec.encode(record(seq, previous, snapshot, screenshot, version), seq);
            String key = StoreLayout.recordKey(TERMS, seq);
            if (store instanceof FileStore f) {
                Path p = f.root().resolve(key);
                Files.createDirectories(p.getParent());
                Files.write(p, bytes);
            } else if (!store.createObject(key, bytes)) {
                throw new IllegalStateException(key + " exists");
            }
            previous = Sha256.hex(bytes);
        }
        if (count > 0) {
            store.replaceObject(StoreLayout.headKey(TERMS), RecordCodec.encodeHead(
                    new RecordCodec.Head(count, StoreLayout.recordKey(TERMS, count), previous)));
        }
        return previous;
    }

    static CaptureRecord record(int i, String previous, String snapshot, String screenshot, String version) {
        DocumentCapture doc = new DocumentCapture(null, "https://example.com/terms", "https://example.com/terms", "browser", 200,
                "HTTP/1.1 200 OK", Map.of("content-type", List.of("text/html; charset=utf-8")), "text/html",
                snapshot, screenshot, 9000);
        return new CaptureRecord(TERMS.service(), TERMS.termsType(), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i),
                CaptureRecord.KIND_CAPTURE, List.of(doc), version, previous == null, previous, null, "bench");
    }

    static byte[] blob(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String kind(LayoutStore store) {
        return store instanceof FileStore ? "[file]" : "[s3, S3Proxy 4.1.0 filesystem-nio2, same host]";
    }

    interface Action {
        void run() throws Exception;
    }

    static long time(Action a) throws Exception {
        long t = System.nanoTime();
        a.run();
        return System.nanoTime() - t;
    }
}
