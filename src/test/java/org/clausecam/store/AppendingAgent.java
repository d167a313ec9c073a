package org.clausecam.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A stand-in for {@code clausecam track} in crash tests, run as its own JVM so that it can be
 * killed with SIGKILL: for each of N terms it stores a snapshot, a screenshot and a version that
 * depend on the round (so every round has new blobs), then appends a record on top of the
 * latest one — the tracker's write pattern, through the public {@link Store} API only.
 *
 * <p>Arguments: STORE_URI ROUND TERMS_COUNT. Prints "ready" once the store is open. Exit 0 when
 * every terms is recorded, 1 (with the message) at the first failure.
 */
public final class AppendingAgent {

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        int round = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        try (Store store = Stores.open(uri)) {
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; i < count; i++) {
                TermsKey terms = terms(i);
                byte[] html = content(i, round, 40_000);
                byte[] png = content(i, round + 1_000_000, 150_000);
                byte[] md = ("# Terms " + i + "\n\nRound " + round + "\n").getBytes(StandardCharsets.UTF_8);
                String snapshot = store.putBlob(html);
                String screenshot = store.putBlob(png);
                String version = store.putBlob(md);
                Optional<StoredRecord> latest = store.latest(terms);
                DocumentCapture doc = new DocumentCapture(null, "https://example.com/" + i, "https://example.com/" + i, "http",
                        200, "HTTP/1.1 200 OK", Map.of(), "text/html", snapshot, screenshot, 3000);
                store.append(new CaptureRecord(terms.service(), terms.termsType(), Instant.now(), CaptureRecord.KIND_CAPTURE,
                        List.of(doc), version, latest.map(l -> !l.record().version().equals(version)).orElse(true),
                        latest.map(StoredRecord::sha256).orElse(null), null, "round-" + round));
            }
        } catch (StoreException e) {
            System.out.println("failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static TermsKey terms(int i) {
        return new TermsKey("Service " + i, "Terms of Service");
    }

    private static byte[] content(int terms, int round, int size) {
        byte[] b = new byte[size];
        new Random(terms * 7919L + round).nextBytes(b);
        return b;
    }
}
