package org.clausecam.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract over a real S3-compatible server (S3Proxy), plus what only S3 shows: outages and credentials. */
class S3StoreTest extends StoreContractTest {

    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    static final String BUCKET = "clausecam-test";
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static boolean bucketCreated;

    @Override
    LayoutStore openEmptyStore() throws StoreException {
        synchronized (S3StoreTest.class) {
            if (!bucketCreated) {
                S3.createBucket(BUCKET);
                bucketCreated = true;
            }
        }
        // A fresh prefix per test: the same bucket, an empty store.
        return open("tests/run-" + PREFIXES.incrementAndGet(), 8);
    }

    static S3Store open(String prefix, int maxAttempts) throws StoreException {
        return S3Store.open(S3Location.parse(S3.storeUri(BUCKET, prefix) + "&maxAttempts=" + maxAttempts), S3.credentials());
    }

    @Test
    void objects_sit_under_the_prefix_in_the_documented_layout() throws Exception {
        StoredRecord first = store.append(Captures.capture(store, TERMS, null, "one", 0));
        String prefix = ((S3Store) store).location().prefix();
        var dir = S3.dataDir().resolve(BUCKET).resolve(prefix);
        String v = first.record().version();
        assertTrue(Files.isRegularFile(dir.resolve("blobs/sha256/" + v.substring(0, 2) + "/" + v.substring(2, 4) + "/" + v)));
        assertTrue(Files.isRegularFile(dir.resolve("records/Example Service/Terms of Service/999999999998.json")));
        assertTrue(Files.isRegularFile(dir.resolve("heads/Example Service/Terms of Service.json")));
    }

    @Test
    void an_outage_fails_loudly_naming_store_and_key_then_the_store_works_again_after_restart() throws Exception {
        try (S3Store fragile = open("tests/outage-" + PREFIXES.incrementAndGet(), 2)) {
            StoredRecord first = fragile.append(Captures.capture(fragile, TERMS, null, "before the outage", 0));
            S3.stop();
            try {
                byte[] content = "written during the outage".getBytes(StandardCharsets.UTF_8);
                StoreException e = assertThrows(StoreException.class, () -> fragile.putBlob(content));
                assertTrue(e.getMessage().startsWith(fragile.describe()), e.getMessage());
                assertTrue(e.getMessage().contains("blobs/sha256/"), e.getMessage());
                assertTrue(e.getMessage().contains("did not answer after 2 attempts"), e.getMessage());
                assertFalse(e.getMessage().contains(S3.secretKey()), e.getMessage());
            } finally {
                S3.start();
            }
            StoredRecord second = fragile.append(Captures.capture(fragile, TERMS, first.sha256(), "after the outage", 1));
            assertEquals(second, fragile.latest(TERMS).orElseThrow());
        }
    }

    @Test
    void wrong_credentials_are_reported_without_showing_them() throws Exception {
        var wrong = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("intruder-key", "intruder-secret"));
        try (S3Store s = S3Store.open(S3Location.parse(S3.storeUri(BUCKET, "tests/denied") + "&maxAttempts=1"), wrong)) {
            StoreException e = assertThrows(StoreException.class, () -> s.putBlob(new byte[] {1}));
            assertFalse(e.getMessage().contains("intruder-secret"), e.getMessage());
            assertFalse(e.getMessage().contains("intruder-key"), e.getMessage());
            assertFalse(s.describe().contains("intruder"), s.describe());
        }
    }

    @Test
    void the_default_credentials_chain_is_used_by_stores_open() throws Exception {
        System.setProperty("aws.accessKeyId", S3.accessKey());
        System.setProperty("aws.secretAccessKey", S3.secretKey());
        try (LayoutStore s = Stores.open(S3.storeUri(BUCKET, "tests/default-chain"))) {
            byte[] content = "via the default chain".getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(content, s.getBlob(s.putBlob(content)));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void a_missing_bucket_is_named() throws Exception {
        try (S3Store s = S3Store.open(S3Location.parse(S3.storeUri("no-such-bucket", "x") + "&maxAttempts=1"), S3.credentials())) {
            StoreException e = assertThrows(StoreException.class, () -> s.getBlob(Sha256.hex(new byte[0])));
            assertTrue(e.getMessage().contains("no-such-bucket"), e.getMessage());
        }
    }
}
