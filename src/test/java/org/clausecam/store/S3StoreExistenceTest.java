package org.clausecam.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3StoreExistenceTest extends StoreExistenceContractTest {

    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    static final String BUCKET = "clausecam-existence";
    private static final AtomicInteger RUNS = new AtomicInteger();

    @BeforeAll
    static void bucket() {
        S3.createBucket(BUCKET);
    }

    @Override
    LayoutStore at(String name) throws StoreException {
        return S3Store.open(S3Location.parse(S3.storeUri(BUCKET, "run-" + RUNS.incrementAndGet() + "/" + name)), S3.credentials());
    }

    @Test
    void a_bucket_that_does_not_exist_is_no_store() throws Exception {
        try (S3Store store = S3Store.open(S3Location.parse(S3.storeUri("no-such-bucket", "clausecam")), S3.credentials())) {
            NoStoreException e = assertThrows(NoStoreException.class, store::requireStore);
            assertTrue(e.getMessage().startsWith("no store at s3://no-such-bucket/clausecam"), e.getMessage());
        }
    }

    @Test
    void a_write_the_server_refuses_reads_as_not_writable_with_these_credentials_while_an_outage_stays_an_outage() throws Exception {
        try (LayoutStore store = at("refused")) {
            StoreException denied = new StoreException(store.describe() + ": cannot write clausecam-store.json: Access Denied");
            StoreException outage = new StoreUnavailableException(store.describe() + ": storage did not answer after 8 attempts", null);

            StoreException advice = store.notWritable(denied);

            assertTrue(advice instanceof StoreNotWritableException, advice.toString());
            assertTrue(advice.getMessage().startsWith(store.describe() + " is not writable with the credentials in use"), advice.getMessage());
            assertTrue(advice.getMessage().endsWith("Access Denied"), advice.getMessage());
            assertSame(outage, store.notWritable(outage));
        }
    }
}
