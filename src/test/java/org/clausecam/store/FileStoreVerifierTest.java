package org.clausecam.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@Tag("unit")
class FileStoreVerifierTest extends StoreVerifierContractTest {

    @TempDir
    Path dir;

    @Override
    LayoutStore replica() {
        return new FileStore(dir.resolve("replica"));
    }

    @Override
    LayoutStore openEmptyStore() {
        return new FileStore(dir.resolve("data"));
    }

    @Test
    void a_temporary_file_left_by_a_crash_is_harmless_and_pruned() throws Exception {
        Path temp = dir.resolve("data/blobs/sha256/" + FileStore.TEMP_PREFIX + "killed-mid-write");
        Files.writeString(temp, "half a screenshot");

        VerificationReport report = verify();
        assertEquals(List.of(Finding.Kind.LEFTOVER), kinds(report.harmless()));

        new StoreVerifier(store).prune(report, Duration.ZERO);
        assertFalse(Files.exists(temp));
    }
}
