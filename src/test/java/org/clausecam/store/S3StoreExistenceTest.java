package org.clausecam.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicInteger;

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
}
