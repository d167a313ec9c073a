package org.clausecam.durability;

import org.clausecam.cli.CliRun;

import org.clausecam.store.S3ProxyServer;
import org.clausecam.store.Store;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The S3 server goes down in the middle of a {@code track} (S3Proxy killed while the agent is
 * fetching a page): the run stops loudly, naming every terms it did not store, and leaves nothing
 * half-written; once the server is back, the same run completes and the store verifies clean.
 */
class StorageOutageTest {

    static final int TERMS = 8;
    /** The server goes down when the agent asks for this page (the first three were stored). */
    static final int OUTAGE_AT_REQUEST = 4;

    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    static S3Credentials credentials;

    @TempDir
    Path work;

    @BeforeAll
    static void bucket() {
        S3.createBucket("outage");
        credentials = S3Credentials.of(S3);
    }

    @AfterAll
    static void forgetCredentials() {
        credentials.close();
    }

    @Test
    void a_run_during_an_outage_fails_loudly_and_a_rerun_after_it_completes() throws Exception {
        // Three attempts per request instead of eight: the outage lasts, so only the wait is shortened.
        String store = S3.storeUri("outage", "run") + "&maxAttempts=3";
        try (TermsSite site = new TermsSite(TERMS, Set.of())) {
            Path declarations = site.declare(work.resolve("declarations"));
            AtomicInteger requests = new AtomicInteger();
            site.onRequest(i -> {
                if (requests.incrementAndGet() == OUTAGE_AT_REQUEST) S3.stop();
            });

            CliRun during = track(declarations, store);
            System.out.println("run during the outage, exit " + during.exit() + ":\n" + during.output());

            assertFalse(S3.running());
            assertEquals(3, during.exit(), "the store is unavailable: " + during.output());
            assertTrue(during.output().contains(TERMS + " terms in "), during.output());
            assertTrue(during.output().contains(": 3 first records, 0 changed, 0 unchanged, 5 failed"), during.output());
            List<String> failed = lines(during.output(), "  failed: ");
            assertEquals(5, failed.size(), during.output());
            assertTrue(failed.stream().allMatch(l -> l.contains(" (storage): ")), during.output());
            assertTrue(failed.get(0).contains("storage did not answer after 3 attempts"), during.output());
            assertTrue(failed.stream().skip(1).allMatch(l -> l.contains("not captured: the store failed earlier in this run")),
                    during.output());
            assertFalse(during.output().contains(S3.secretKey()) || during.output().contains(S3.accessKey()), "no credentials in messages");

            site.onRequest(i -> { });
            S3.start();
            CliRun check = CliRun.run("verify", "--store", store);
            assertEquals(0, check.exit(), "nothing half-written: " + check.output());

            CliRun after = track(declarations, store);

            assertEquals(0, after.exit(), after.output());
            assertTrue(after.output().contains(": 5 first records, 0 changed, 3 unchanged, 0 failed"), after.output());
            CliRun verify = CliRun.run("verify", "--store", store);
            assertEquals(0, verify.exit(), verify.output());
            assertTrue(verify.output().contains(": " + TERMS + " terms, 11 records, "), verify.output());
            try (Store s = Stores.open(store)) {
                for (TermsSite.Entry e : site.entries()) {
                    assertEquals(List.of(), Histories.problems(s, new TermsKey(e.service(), e.type())));
                }
            }
        }
    }

    private static CliRun track(Path declarations, String store) {
        // One terms at a time, so that exactly the pages before the outage are stored.
        return CliRun.run("track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network",
                "--no-screenshots", "--concurrency", "1", "--workers", "1");
    }

    private static List<String> lines(String output, String prefix) {
        List<String> found = new ArrayList<>();
        for (String line : output.lines().toList()) if (line.startsWith(prefix)) found.add(line);
        return found;
    }
}
