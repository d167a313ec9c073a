package org.clausecam.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdicts of {@code verify} over a real S3 server, and copies between {@code file:} and {@code s3://}. */
class S3StoreVerifierTest extends StoreVerifierContractTest {

    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    static final String BUCKET = "clausecam-verify";
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void bucket() {
        S3.createBucket(BUCKET);
    }

    @Override
    LayoutStore replica() throws StoreException {
        return s3("tests/replica-" + PREFIXES.incrementAndGet());
    }

    @Override
    LayoutStore openEmptyStore() throws StoreException {
        return s3("tests/run-" + PREFIXES.incrementAndGet());
    }

    static S3Store s3(String prefix) throws StoreException {
        return S3Store.open(S3Location.parse(S3.storeUri(BUCKET, prefix)), S3.credentials());
    }

    @Test
    void a_history_copied_to_a_file_store_and_back_keeps_every_byte_and_verifies_clean() throws Exception {
        try (FileStore file = new FileStore(dir.resolve("copy")); S3Store back = s3("tests/back-" + PREFIXES.incrementAndGet())) {
            StoreCopier.Result toFile = new StoreCopier(store, file).copy();
            StoreCopier.Result toS3 = new StoreCopier(file, back).copy();

            assertEquals(7, toFile.recordsCopied());
            assertEquals(2, toFile.headsWritten());
            assertEquals(toFile, toS3);
            assertEquals(List.of(), new StoreVerifier(file).verify().findings());
            assertEquals(List.of(), new StoreVerifier(back).verify().findings());
            assertEquals(store.latest(TERMS), back.latest(TERMS));
            assertEquals(store.history(PRIVACY, null, 10), file.history(PRIVACY, null, 10));
        }
    }

    @Test
    void copying_again_copies_only_what_is_new() throws Exception {
        try (FileStore file = new FileStore(dir.resolve("copy"))) {
            new StoreCopier(store, file).copy();
            Captures.appendMany(store, TERMS, 1);

            StoreCopier.Result again = new StoreCopier(store, file).copy();

            assertEquals(1, again.recordsCopied());
            assertEquals(7, again.recordsPresent());
            assertEquals(1, again.headsWritten());
            assertEquals(0, new StoreCopier(store, file).copy().bytesWritten());
            assertEquals(store.latest(TERMS), file.latest(TERMS));
        }
    }

    @Test
    void a_target_with_its_own_history_of_a_terms_is_refused_not_merged() throws Exception {
        try (FileStore file = new FileStore(dir.resolve("other"))) {
            file.append(Captures.capture(file, TERMS, null, "captured by another agent", 0));
            StoreException e = assertThrows(StoreException.class, () -> new StoreCopier(store, file).copy());
            assertTrue(e.getMessage().contains("its own history of Example Service / Terms of Service"), e.getMessage());
        }
    }
}
