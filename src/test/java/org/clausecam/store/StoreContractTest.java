package org.clausecam.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every store backend promises. Each backend's test extends this class and says how to
 * open a fresh, empty store; the same specification then runs over {@code file:} and {@code s3://}.
 */
abstract class StoreContractTest {

    static final TermsKey TERMS = new TermsKey("Example Service", "Terms of Service");

    LayoutStore store;

    abstract LayoutStore openEmptyStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmptyStore();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void a_blob_comes_back_byte_for_byte_under_its_sha256() throws Exception {
        byte[] content = "Terms\u00a0of\u00a0Service — version 1\n".getBytes(StandardCharsets.UTF_8);
        String hash = store.putBlob(content);
        assertEquals(Sha256.hex(content), hash);
        assertTrue(store.hasBlob(hash));
        assertArrayEquals(content, store.getBlob(hash));
    }

    @Test
    void storing_the_same_content_again_writes_no_byte() throws Exception {
        byte[] content = new byte[50_000];
        store.putBlob(content);
        long before = store.bytesWritten();
        store.putBlob(content.clone());
        assertEquals(before, store.bytesWritten());
    }

    @Test
    void a_missing_blob_is_named_in_the_error() {
        String absent = Sha256.hex("never stored".getBytes(StandardCharsets.UTF_8));
        StoreException e = assertThrows(StoreException.class, () -> store.getBlob(absent));
        assertTrue(e.getMessage().contains(absent), e.getMessage());
    }

    @Test
    void a_missing_or_corrupt_blob_is_told_apart_from_an_outage() throws Exception {
        String absent = Sha256.hex("never stored".getBytes(StandardCharsets.UTF_8));
        UnreadableBlobException missing = assertThrows(UnreadableBlobException.class, () -> store.getBlob(absent));
        assertEquals(absent, missing.sha256());
        assertFalse(missing.corrupt());
    }

    @Test
    void a_run_summary_is_kept_under_runs_once_and_never_overwritten() throws Exception {
        byte[] summary = "{\"format\" : \"clausecam-run/1\"}".getBytes(StandardCharsets.UTF_8);
        String name = "20261204T060000Z-shard-1-of-3-3fa1c2d4.json";

        assertEquals("runs/" + name, store.putRunSummary(name, summary));

        assertArrayEquals(summary, store.readObject("runs/" + name).orElseThrow());
        assertThrows(StoreConflictException.class, () -> store.putRunSummary(name, "{}".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(summary, store.readObject("runs/" + name).orElseThrow(), "the first summary stays");
        assertTrue(new StoreVerifier(store).verify().findings().isEmpty(), "verify leaves run summaries alone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../heads/x.json", ".hidden.json", "run.txt", "a/b.json", ""})
    void a_run_summary_name_that_is_not_a_plain_json_file_name_is_refused(String name) {
        assertThrows(IllegalArgumentException.class, () -> store.putRunSummary(name, new byte[] {'{', '}'}));
    }

    @Test
    void a_record_round_trips_and_becomes_the_latest() throws Exception {
        assertTrue(store.latest(TERMS).isEmpty());
        CaptureRecord record = Captures.capture(store, TERMS, null, "first words", 0);

        StoredRecord stored = store.append(record);

        assertEquals("1", stored.id());
        assertEquals(record, stored.record());
        assertEquals(Optional.of(stored), store.latest(TERMS));
        assertEquals(Optional.of(stored), store.record(TERMS, stored.id()));
        assertEquals(List.of(stored), store.history(TERMS, null, 10));
        assertEquals(List.of(TERMS), store.terms());
    }

    @Test
    void the_record_hash_is_the_hash_of_its_stored_bytes_and_the_next_record_names_it() throws Exception {
        StoredRecord first = store.append(Captures.capture(store, TERMS, null, "one", 0));
        StoredRecord second = store.append(Captures.capture(store, TERMS, first.sha256(), "two", 1));

        byte[] firstBytes = store.readObject(StoreLayout.recordKey(TERMS, 1)).orElseThrow();
        assertEquals(Sha256.hex(firstBytes), first.sha256());
        assertEquals(first.sha256(), second.record().previous());
    }

    @Test
    void history_pages_newest_first() throws Exception {
        Captures.appendMany(store, TERMS, 25);

        List<StoredRecord> page1 = store.history(TERMS, null, 10);
        List<StoredRecord> page2 = store.history(TERMS, page1.get(9).id(), 10);
        List<StoredRecord> page3 = store.history(TERMS, page2.get(9).id(), 10);

        assertEquals(List.of("25", "24", "23", "22", "21", "20", "19", "18", "17", "16"), ids(page1));
        assertEquals(List.of("15", "14", "13", "12", "11", "10", "9", "8", "7", "6"), ids(page2));
        assertEquals(List.of("5", "4", "3", "2", "1"), ids(page3));
        assertEquals(List.of(), store.history(TERMS, "1", 10));
        for (int i = 0; i < page1.size() - 1; i++) {
            assertEquals(page1.get(i + 1).sha256(), page1.get(i).record().previous());
        }
    }

    @Test
    void records_are_listed_newest_first_by_an_ascending_key_listing() throws Exception {
        Captures.appendMany(store, TERMS, 12);
        List<StoredObject> listing = store.listObjects(StoreLayout.recordsPrefix(TERMS));
        assertEquals(12, listing.size());
        assertEquals(StoreLayout.recordKey(TERMS, 12), listing.get(0).key());
        assertEquals(StoreLayout.recordKey(TERMS, 1), listing.get(11).key());
    }

    @Test
    void the_latest_record_is_found_after_many_appends() throws Exception {
        StoredRecord last = Captures.appendMany(store, TERMS, 120);
        assertEquals("120", last.id());
        assertEquals(Optional.of(last), store.latest(TERMS));
    }

    @Test
    void an_append_built_on_a_stale_latest_is_refused_and_writes_nothing() throws Exception {
        StoredRecord first = store.append(Captures.capture(store, TERMS, null, "one", 0));
        CaptureRecord writerA = Captures.capture(store, TERMS, first.sha256(), "A saw two", 1);
        CaptureRecord writerB = Captures.capture(store, TERMS, first.sha256(), "B saw two", 1);
        CaptureRecord anotherFirst = Captures.capture(store, TERMS, null, "again first", 2);
        store.append(writerA);
        long before = store.bytesWritten();

        assertThrows(StoreConflictException.class, () -> store.append(writerB));
        assertThrows(StoreConflictException.class, () -> store.append(anotherFirst));

        assertEquals(before, store.bytesWritten());
        assertEquals(2, store.history(TERMS, null, 10).size());
    }

    @Test
    void two_writers_racing_for_the_same_place_in_the_chain_cannot_both_win() throws Exception {
        StoredRecord first = store.append(Captures.capture(store, TERMS, null, "one", 0));
        String key2 = StoreLayout.recordKey(TERMS, 2);
        // Writer B checked the chain and is about to create record 2 when writer A creates it first.
        assertTrue(store.createObject(key2, RecordCodec.encode(Captures.capture(store, TERMS, first.sha256(), "A", 1), 2)));

        assertFalse(store.createObject(key2, RecordCodec.encode(Captures.capture(store, TERMS, first.sha256(), "B", 1), 2)));
        assertEquals("A\n", new String(store.getBlob(store.latest(TERMS).orElseThrow().record().version()), StandardCharsets.UTF_8));
    }

    @Test
    void of_eight_writers_appending_at_once_on_the_same_latest_exactly_one_wins() throws Exception {
        StoredRecord first = store.append(Captures.capture(store, TERMS, null, "one", 0));
        List<CaptureRecord> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) candidates.add(Captures.capture(store, TERMS, first.sha256(), "writer " + i, 1));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (CaptureRecord c : candidates) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return "won " + store.append(c).id();
                    } catch (StoreConflictException e) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
            List<String> results = new java.util.ArrayList<>();
            for (var f : outcomes) results.add(f.get());
            assertEquals(1, results.stream().filter("won 2"::equals).count(), results.toString());
            assertEquals(7, results.stream().filter("conflict"::equals).count(), results.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals("2", store.latest(TERMS).orElseThrow().id());
        assertEquals(List.of(), new StoreVerifier(store).verify().inconsistencies());
    }

    @Test
    void a_record_naming_a_missing_blob_is_refused() throws Exception {
        String absent = Sha256.hex("not stored".getBytes(StandardCharsets.UTF_8));
        String version = store.putBlob("v\n".getBytes(StandardCharsets.UTF_8));
        CaptureRecord record = Captures.record(TERMS, null, absent, null, version, 0);

        StoreException e = assertThrows(StoreException.class, () -> store.append(record));
        assertTrue(e.getMessage().contains(absent), e.getMessage());
        assertTrue(store.latest(TERMS).isEmpty());
    }

    @Test
    void a_record_written_before_a_crash_that_kept_its_head_from_being_updated_is_the_latest() throws Exception {
        StoredRecord first = store.append(Captures.capture(store, TERMS, null, "one", 0));
        byte[] orphanedByCrash = RecordCodec.encode(Captures.capture(store, TERMS, first.sha256(), "two", 1), 2);
        store.createObject(StoreLayout.recordKey(TERMS, 2), orphanedByCrash);

        StoredRecord latest = store.latest(TERMS).orElseThrow();
        assertEquals("2", latest.id());
        assertEquals(Sha256.hex(orphanedByCrash), latest.sha256());

        StoredRecord third = store.append(Captures.capture(store, TERMS, latest.sha256(), "three", 2));
        assertEquals("3", third.id());
        assertEquals(Optional.of(third), store.latest(TERMS));
    }

    @Test
    void an_unreadable_head_is_a_lost_hint_for_readers_but_stops_appends() throws Exception {
        StoredRecord last = Captures.appendMany(store, TERMS, 4);
        store.replaceObject(StoreLayout.headKey(TERMS), "{ damaged".getBytes(StandardCharsets.UTF_8));

        assertEquals(Optional.of(last), store.latest(TERMS));
        assertRefusedWithNothingWritten(last, "does not parse");
    }

    @Test
    void the_newest_record_altered_by_one_byte_stops_appends_instead_of_being_laundered_by_the_next() throws Exception {
        StoredRecord last = Captures.appendMany(store, TERMS, 3);
        String key = StoreLayout.recordKey(TERMS, 3);
        byte[] altered = store.readObject(key).orElseThrow();
        int at = new String(altered, StandardCharsets.UTF_8).indexOf("06:02:00Z") + 4;
        altered[at] = (byte) '9';
        store.replaceObject(key, altered);
        // The writer sees the altered record as the latest, exactly as the tracker would.
        StoredRecord seen = store.latest(TERMS).orElseThrow();

        BrokenHistoryException e = assertThrows(BrokenHistoryException.class,
                () -> store.append(Captures.capture(store, TERMS, seen.sha256(), "four", 3)));

        assertTrue(e.getMessage().contains("Example Service / Terms of Service"), e.getMessage());
        assertTrue(e.getMessage().contains(key + " hashes to " + seen.sha256()), e.getMessage());
        assertTrue(e.getMessage().contains("altered"), e.getMessage());
        assertFalse(store.objectExists(StoreLayout.recordKey(TERMS, 4)), "nothing was written");
        assertTrue(new String(store.readObject(StoreLayout.headKey(TERMS)).orElseThrow(), StandardCharsets.UTF_8).contains(last.sha256()));
    }

    @Test
    void a_deleted_head_does_not_hide_an_altered_newest_record_once_the_history_is_longer_than_one() throws Exception {
        StoredRecord last = Captures.appendMany(store, TERMS, 2);
        store.deleteObject(StoreLayout.headKey(TERMS));
        assertRefusedWithNothingWritten(last, "head heads/Example Service/Terms of Service.json is missing although it has 2 records");
    }

    @Test
    void a_newest_record_that_no_longer_names_its_predecessor_stops_appends() throws Exception {
        Captures.appendMany(store, TERMS, 2);
        // A crash after record 3 kept its head from being written; then record 3 was replaced.
        CaptureRecord forged = Captures.capture(store, TERMS, Sha256.hex("not record 2".getBytes(StandardCharsets.UTF_8)), "three", 2);
        store.createObject(StoreLayout.recordKey(TERMS, 3), RecordCodec.encode(forged, 3));
        StoredRecord seen = store.latest(TERMS).orElseThrow();

        BrokenHistoryException e = assertThrows(BrokenHistoryException.class,
                () -> store.append(Captures.capture(store, TERMS, seen.sha256(), "four", 3)));
        assertTrue(e.getMessage().contains("names previous"), e.getMessage());
        assertFalse(store.objectExists(StoreLayout.recordKey(TERMS, 4)));
    }

    @Test
    void a_newest_record_that_does_not_parse_stops_appends() throws Exception {
        Captures.appendMany(store, TERMS, 1);
        store.createObject(StoreLayout.recordKey(TERMS, 2), "{ \"format\" : \"clausecam-record/1\" }".getBytes(StandardCharsets.UTF_8));

        BrokenHistoryException e = assertThrows(BrokenHistoryException.class,
                () -> store.append(Captures.capture(store, TERMS, Sha256.hex("x".getBytes(StandardCharsets.UTF_8)), "three", 2)));
        assertTrue(e.getMessage().contains("999999999997.json does not parse"), e.getMessage());
        assertFalse(store.objectExists(StoreLayout.recordKey(TERMS, 3)));
    }

    private void assertRefusedWithNothingWritten(StoredRecord latest, String reason) throws Exception {
        long before = store.bytesWritten();
        CaptureRecord next = Captures.capture(store, TERMS, latest.sha256(), "next", 30);
        long blobs = store.bytesWritten() - before;

        BrokenHistoryException e = assertThrows(BrokenHistoryException.class, () -> store.append(next));

        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals(blobs, store.bytesWritten() - before, "no record and no head written");
        assertFalse(store.objectExists(StoreLayout.recordKey(TERMS, Long.parseLong(latest.id()) + 1)));
    }

    @Test
    void a_head_naming_a_deleted_record_stops_appends_rather_than_reuse_its_place() throws Exception {
        StoredRecord last = Captures.appendMany(store, TERMS, 3);
        store.deleteObject(StoreLayout.recordKey(TERMS, 3));
        String before = store.history(TERMS, null, 10).get(0).sha256();

        StoreException e = assertThrows(StoreException.class,
                () -> store.append(Captures.capture(store, TERMS, before, "would hide the deletion", 4)));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertEquals("2", store.history(TERMS, null, 10).get(0).id());
        assertFalse(last.sha256().equals(before));
    }

    @Test
    void the_first_record_is_found_even_if_its_head_was_never_written() throws Exception {
        byte[] bytes = RecordCodec.encode(Captures.capture(store, TERMS, null, "one", 0), 1);
        store.createObject(StoreLayout.recordKey(TERMS, 1), bytes);
        assertEquals("1", store.latest(TERMS).orElseThrow().id());
    }

    @Test
    void a_head_a_crash_never_wrote_is_written_before_a_second_record_can_be() throws Exception {
        byte[] bytes = RecordCodec.encode(Captures.capture(store, TERMS, null, "one", 0), 1);
        store.createObject(StoreLayout.recordKey(TERMS, 1), bytes);

        // This append is refused, like one whose process dies before it writes record 2: the head of
        // record 1 must already be there, or the crash would leave two records that nothing witnesses.
        CaptureRecord stale = Captures.capture(store, TERMS, Sha256.hex("not record 1".getBytes(StandardCharsets.UTF_8)), "two", 1);
        assertThrows(StoreConflictException.class, () -> store.append(stale));

        String head = new String(store.readObject(StoreLayout.headKey(TERMS)).orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(head.contains(Sha256.hex(bytes)), head);
        assertFalse(store.objectExists(StoreLayout.recordKey(TERMS, 2)));
        assertEquals("2", store.append(Captures.capture(store, TERMS, Sha256.hex(bytes), "two", 1)).id());
    }

    @Test
    void re_appending_unchanged_content_writes_only_the_record_and_the_head() throws Exception {
        StoredRecord first = store.append(Captures.capture(store, TERMS, null, "same", 0));
        long before = store.bytesWritten();

        StoredRecord second = store.append(Captures.capture(store, TERMS, first.sha256(), "same", 1));

        long recordBytes = store.readObject(StoreLayout.recordKey(TERMS, 2)).orElseThrow().length;
        long headBytes = store.readObject(StoreLayout.headKey(TERMS)).orElseThrow().length;
        assertEquals(recordBytes + headBytes, store.bytesWritten() - before);
        assertEquals(first.record().version(), second.record().version());
    }

    @Test
    void a_corrupted_blob_is_detected_when_read() throws Exception {
        String hash = store.putBlob("original".getBytes(StandardCharsets.UTF_8));
        store.replaceObject(StoreLayout.blobKey(hash), "tampered".getBytes(StandardCharsets.UTF_8));
        StoreException e = assertThrows(StoreException.class, () -> store.getBlob(hash));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../etc", "a/b", "a\\b", "", ".hidden", "tab\tname", "new\nline", " padded"})
    void names_that_could_escape_the_layout_are_refused(String bad) throws Exception {
        String version = store.putBlob("v\n".getBytes(StandardCharsets.UTF_8));
        String snapshot = store.putBlob("s".getBytes(StandardCharsets.UTF_8));
        long before = store.bytesWritten();

        StoreException asService = assertThrows(StoreException.class,
                () -> store.append(Captures.record(new TermsKey(bad, "Terms of Service"), null, snapshot, null, version, 0)));
        StoreException asType = assertThrows(StoreException.class,
                () -> store.latest(new TermsKey("Example", bad)));

        assertTrue(asService.getMessage().contains("service name"), asService.getMessage());
        assertTrue(asType.getMessage().contains("terms type"), asType.getMessage());
        assertEquals(before, store.bytesWritten());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Café Crème", "AT&T", "100% Legit", "C++ Shop", "What?", "#hashtag", "Ünïcödé 日本語", "a:b;c=d", "Tab Co"})
    void real_world_names_with_punctuation_and_unicode_round_trip(String name) throws Exception {
        TermsKey terms = new TermsKey(name, "Terms of Service");
        StoredRecord last = Captures.appendMany(store, terms, 3);
        assertEquals(Optional.of(last), store.latest(terms));
        assertEquals(List.of("3", "2", "1"), ids(store.history(terms, null, 10)));
        assertEquals(List.of(terms), store.terms());
        assertEquals(List.of(), new StoreVerifier(store).verify().findings());
    }

    @Test
    void a_malformed_hash_is_refused_before_it_becomes_a_key() {
        assertThrows(StoreException.class, () -> store.getBlob("../../etc/passwd"));
        assertThrows(StoreException.class, () -> store.hasBlob("ABCDEF"));
    }

    @Test
    void unknown_record_ids_are_absent() throws Exception {
        Captures.appendMany(store, TERMS, 2);
        assertEquals(Optional.empty(), store.record(TERMS, "3"));
        assertEquals(Optional.empty(), store.record(TERMS, "not-an-id"));
        assertEquals(Optional.empty(), store.record(new TermsKey("Other", "Privacy Policy"), "1"));
    }

    @Test
    void every_terms_with_records_is_listed() throws Exception {
        TermsKey privacy = new TermsKey("Example Service", "Privacy Policy");
        TermsKey other = new TermsKey("Other.ai", "Terms of Service");
        Captures.appendMany(store, TERMS, 1);
        Captures.appendMany(store, privacy, 2);
        Captures.appendMany(store, other, 1);
        assertEquals(List.of(privacy, TERMS, other), store.terms());
        assertNull(store.latest(new TermsKey("Nobody", "Privacy Policy")).orElse(null));
    }

    static List<String> ids(List<StoredRecord> records) {
        return records.stream().map(StoredRecord::id).toList();
    }
}
