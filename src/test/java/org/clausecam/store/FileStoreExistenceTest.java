package org.clausecam.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileStoreExistenceTest extends StoreExistenceContractTest {

    @TempDir
    Path dir;

    @Override
    LayoutStore at(String name) {
        return new FileStore(dir.resolve(name));
    }

    @Test
    void an_empty_folder_such_as_an_unmounted_volume_is_no_store() throws Exception {
        Files.createDirectories(dir.resolve("mnt/data"));
        assertThrows(NoStoreException.class, () -> Stores.openExisting("file:" + dir.resolve("mnt/data")));
    }

    @Test
    void a_folder_this_process_cannot_write_is_found_before_any_work_with_what_to_do() throws Exception {
        Path data = dir.resolve("data");
        try (LayoutStore store = at("data")) {
            Stores.prepareForWriting(store, true);
            // Root writes anywhere; an immutable folder refuses even root, as a root-owned mount refuses uid 10001.
            assumeTrue(new ProcessBuilder("chattr", "+i", data.toString()).start().waitFor() == 0, "chattr +i not available");
            try {
                StoreNotWritableException e = assertThrows(StoreNotWritableException.class, () -> Stores.prepareForWriting(store, true));
                assertTrue(e.getMessage().contains(data + " is not writable by uid " + ProcessOwner.uid()), e.getMessage());
                assertTrue(e.getMessage().contains("chown " + ProcessOwner.uid() + " " + data), e.getMessage());
                assertTrue(e.getMessage().contains("--user"), e.getMessage());
            } finally {
                new ProcessBuilder("chattr", "-i", data.toString()).start().waitFor();
            }
        }
    }

    @Test
    void a_file_where_the_store_folder_should_be_is_said_in_words_not_as_an_exception_class() throws Exception {
        Path file = Files.createFile(dir.resolve("afile"));

        StoreException e = assertThrows(StoreException.class,
                () -> Stores.prepareForWriting(new FileStore(file.resolve("store")), true));

        assertTrue(e.getMessage().endsWith(": a file is where a folder should be (" + file + ")"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void permission_denied_reads_as_advice_for_the_uid_the_process_runs_as() {
        FileStore store = new FileStore(Path.of("/data"));
        StoreException denied = new StoreUnavailableException("file:/data: cannot write .tmp-probe-1",
                new AccessDeniedException("/data/.tmp-1"));

        StoreException advice = store.notWritable(denied);

        assertTrue(advice instanceof StoreNotWritableException, advice.toString());
        assertEquals("file:/data is not writable by uid " + ProcessOwner.uid() + ": chown " + ProcessOwner.uid()
                + " /data (on the host, for a bind mount) or run the container with --user set to the folder's owner"
                + " (file:/data: cannot write .tmp-probe-1)", advice.getMessage());
    }

    @Test
    void the_probe_leaves_nothing_behind() throws Exception {
        try (LayoutStore store = at("data")) {
            Stores.prepareForWriting(store, true);
            Stores.prepareForWriting(store, true);
            try (var files = Files.list(dir.resolve("data"))) {
                assertEquals(java.util.List.of("clausecam-store.json"), files.map(p -> p.getFileName().toString()).toList());
            }
            assertFalse(Files.exists(dir.resolve("data/blobs")));
        }
    }
}
