package org.clausecam.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract over files, plus what only the {@code file:} backend shows: its directory layout. */
@Tag("unit")
class FileStoreTest extends StoreContractTest {

    @TempDir
    Path dir;

    @Override
    LayoutStore openEmptyStore() {
        return new FileStore(dir.resolve("data"));
    }

    @Test
    void files_follow_the_documented_layout() throws Exception {
        StoredRecord first = store.append(Captures.capture(store, TERMS, null, "one", 0));
        Path root = dir.resolve("data");
        String v = first.record().version();

        assertTrue(Files.isRegularFile(root.resolve("blobs/sha256/" + v.substring(0, 2) + "/" + v.substring(2, 4) + "/" + v)));
        Path record = root.resolve("records/Example Service/Terms of Service/999999999998.json");
        assertTrue(Files.isRegularFile(record));
        String head = Files.readString(root.resolve("heads/Example Service/Terms of Service.json"));
        assertTrue(head.contains("\"record\" : \"records/Example Service/Terms of Service/999999999998.json\""), head);
        assertTrue(head.contains("\"sha256\" : \"" + first.sha256() + "\""), head);
        String json = Files.readString(record);
        assertTrue(json.startsWith("{\n  \"format\" : \"clausecam-record/1\",\n  \"sequence\" : 1,\n  \"service\" : \"Example Service\","), json);
        assertTrue(json.contains("\"fetchDate\" : \"2026-11-29T06:00:00Z\""), json);
    }

    @Test
    void an_existing_record_is_never_overwritten() throws Exception {
        String key = "records/x/y/999999999998.json";
        assertTrue(store.createObject(key, "first".getBytes(StandardCharsets.UTF_8)));
        assertFalse(store.createObject(key, "second".getBytes(StandardCharsets.UTF_8)));
        assertEquals("first", Files.readString(dir.resolve("data").resolve(key)));
    }

    @Test
    void no_temporary_file_is_left_after_writes_and_leftovers_are_not_listed() throws Exception {
        Captures.appendMany(store, TERMS, 3);
        assertEquals(0, store.leftovers().size());

        Path crashed = dir.resolve("data/records/Example Service/Terms of Service/.tmp-crashed");
        Files.writeString(crashed, "half a rec");
        assertEquals(1, store.leftovers().size());
        assertEquals(3, store.listObjects("records/").size());
        assertEquals("3", store.latest(TERMS).orElseThrow().id());
    }

    @Test
    void reading_an_empty_store_creates_nothing() throws Exception {
        assertTrue(store.latest(TERMS).isEmpty());
        assertTrue(store.terms().isEmpty());
        assertFalse(Files.exists(dir.resolve("data")));
    }
}
