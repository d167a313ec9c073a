package org.clausecam.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdicts of {@code verify}, the same over every backend. */
abstract class StoreVerifierContractTest {

    static final TermsKey TERMS = new TermsKey("Example Service", "Terms of Service");
    static final TermsKey PRIVACY = new TermsKey("Example Service", "Privacy Policy");

    LayoutStore store;

    abstract LayoutStore openEmptyStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmptyStore();
        Captures.appendMany(store, TERMS, 5);
        Captures.appendMany(store, PRIVACY, 2);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    VerificationReport verify() throws StoreException {
        return new StoreVerifier(store).verify();
    }

    @Test
    void a_store_written_by_appends_is_consistent_with_nothing_to_report() throws Exception {
        VerificationReport report = verify();
        assertEquals(List.of(), report.findings());
        assertTrue(report.consistent());
        assertEquals(2, report.terms());
        assertEquals(7, report.records());
    }

    @Test
    void a_tampered_blob_is_an_inconsistency() throws Exception {
        String version = store.latest(TERMS).orElseThrow().record().version();
        store.replaceObject(StoreLayout.blobKey(version), "forged text\n".getBytes(StandardCharsets.UTF_8));

        VerificationReport report = verify();

        assertFalse(report.consistent());
        assertEquals(List.of(Finding.Kind.CORRUPT_BLOB), kinds(report.inconsistencies()));
        assertEquals(StoreLayout.blobKey(version), report.inconsistencies().get(0).key());
    }

    @Test
    void a_deleted_blob_is_an_inconsistency() throws Exception {
        String snapshot = store.latest(PRIVACY).orElseThrow().record().documents().get(0).snapshot();
        store.deleteObject(StoreLayout.blobKey(snapshot));

        assertEquals(List.of(Finding.Kind.MISSING_BLOB), kinds(verify().inconsistencies()));
    }

    @Test
    void a_record_deleted_from_the_middle_of_a_history_breaks_its_chain() throws Exception {
        store.deleteObject(StoreLayout.recordKey(TERMS, 3));

        VerificationReport report = verify();

        assertEquals(List.of(Finding.Kind.BROKEN_CHAIN), kinds(report.inconsistencies()));
        assertEquals(StoreLayout.recordKey(TERMS, 4), report.inconsistencies().get(0).key());
        assertTrue(report.inconsistencies().get(0).message().contains("record 3 of Example Service / Terms of Service is missing"),
                report.inconsistencies().get(0).message());
    }

    @Test
    void the_newest_record_deleted_leaves_a_head_naming_a_missing_record() throws Exception {
        store.deleteObject(StoreLayout.recordKey(TERMS, 5));
        assertEquals(List.of(Finding.Kind.BAD_HEAD), kinds(verify().inconsistencies()));
    }

    @Test
    void a_record_altered_after_the_fact_is_detected_by_the_next_one() throws Exception {
        String key = StoreLayout.recordKey(TERMS, 2);
        String forged = new String(store.readObject(key).orElseThrow(), StandardCharsets.UTF_8).replace("\"changed\" : false", "\"changed\" : true");
        store.replaceObject(key, forged.getBytes(StandardCharsets.UTF_8));

        VerificationReport report = verify();

        assertEquals(List.of(Finding.Kind.BROKEN_CHAIN), kinds(report.inconsistencies()));
        assertEquals(StoreLayout.recordKey(TERMS, 3), report.inconsistencies().get(0).key());
    }

    @Test
    void the_newest_record_altered_after_the_fact_contradicts_its_head() throws Exception {
        String key = StoreLayout.recordKey(PRIVACY, 2);
        String forged = new String(store.readObject(key).orElseThrow(), StandardCharsets.UTF_8).replace("\"changed\" : false", "\"changed\" : true");
        store.replaceObject(key, forged.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(Finding.Kind.BAD_HEAD), kinds(verify().inconsistencies()));
    }

    @Test
    void a_record_that_does_not_parse_is_an_inconsistency() throws Exception {
        store.replaceObject(StoreLayout.recordKey(TERMS, 1), "{ not json".getBytes(StandardCharsets.UTF_8));
        List<Finding.Kind> kinds = kinds(verify().inconsistencies());
        assertTrue(kinds.contains(Finding.Kind.MALFORMED_RECORD), kinds.toString());
    }

    @Test
    void an_orphan_blob_from_a_crash_between_blob_and_record_is_harmless_and_pruned() throws Exception {
        String orphan = store.putBlob("captured, then the agent was killed".getBytes(StandardCharsets.UTF_8));

        VerificationReport report = verify();
        assertTrue(report.consistent());
        assertEquals(List.of(new Finding(Finding.Kind.ORPHAN_BLOB, StoreLayout.blobKey(orphan), "no record names this blob")), report.harmless());

        List<String> kept = new StoreVerifier(store).prune(report, Duration.ofHours(1));
        assertTrue(store.hasBlob(orphan), "a young orphan may belong to a capture in progress: " + kept);

        List<String> done = new StoreVerifier(store).prune(report, Duration.ZERO);
        assertEquals(List.of("removed " + StoreLayout.blobKey(orphan)), done);
        assertFalse(store.hasBlob(orphan));
        assertEquals(List.of(), verify().findings());
    }

    @Test
    void a_head_left_behind_by_a_crash_is_harmless_and_repaired_by_prune() throws Exception {
        StoredRecord latest = store.latest(PRIVACY).orElseThrow();
        CaptureRecord next = Captures.capture(store, PRIVACY, latest.sha256(), "written, then the agent was killed", 9);
        store.createObject(StoreLayout.recordKey(PRIVACY, 3), RecordCodec.encode(next, 3));

        VerificationReport report = verify();
        assertTrue(report.consistent());
        assertEquals(List.of(Finding.Kind.STALE_HEAD), kinds(report.harmless()));

        new StoreVerifier(store).prune(report, Duration.ZERO);
        assertEquals(List.of(), verify().findings());
    }

    @Test
    void an_unreadable_head_leaves_the_newest_record_unwitnessed_an_inconsistency() throws Exception {
        store.replaceObject(StoreLayout.headKey(TERMS), "not json".getBytes(StandardCharsets.UTF_8));

        VerificationReport report = verify();

        assertEquals(List.of(Finding.Kind.BAD_HEAD), kinds(report.inconsistencies()));
        assertThrows(StoreException.class, () -> new StoreVerifier(store).prune(report, Duration.ZERO));
    }

    @Test
    void a_head_missing_after_a_crash_during_the_first_append_is_harmless_and_rewritten_by_prune() throws Exception {
        TermsKey fresh = new TermsKey("Example Service", "Cookies Policy");
        CaptureRecord first = Captures.capture(store, fresh, null, "written, then the agent was killed", 0);
        store.createObject(StoreLayout.recordKey(fresh, 1), RecordCodec.encode(first, 1));

        VerificationReport report = verify();
        assertEquals(List.of(Finding.Kind.STALE_HEAD), kinds(report.findings()));

        new StoreVerifier(store).prune(report, Duration.ZERO);
        assertEquals(List.of(), verify().findings());
    }

    @Test
    void a_deleted_head_over_an_altered_newest_record_is_not_laundered_by_prune() throws Exception {
        StoredRecord genuine = store.latest(TERMS).orElseThrow();
        String key = StoreLayout.recordKey(TERMS, 5);
        // The newest record now names the previous record's version; its own version blob is left without a record.
        String previousVersion = store.record(TERMS, "4").orElseThrow().record().version();
        String forged = new String(store.readObject(key).orElseThrow(), StandardCharsets.UTF_8)
                .replace(genuine.record().version(), previousVersion);
        store.replaceObject(key, forged.getBytes(StandardCharsets.UTF_8));
        store.deleteObject(StoreLayout.headKey(TERMS));

        VerificationReport report = verify();

        assertFalse(report.consistent());
        assertEquals(List.of(Finding.Kind.BAD_HEAD), kinds(report.inconsistencies()));
        assertThrows(StoreException.class, () -> new StoreVerifier(store).prune(report, Duration.ZERO));
        assertTrue(store.hasBlob(genuine.record().version()), "the genuine record's version is kept");
        assertFalse(store.objectExists(StoreLayout.headKey(TERMS)), "no head was written over the altered record");
    }

    @Test
    void prune_never_deletes_a_blob_that_a_record_written_since_the_report_names() throws Exception {
        String blob = store.putBlob("the version of a capture being recorded right now\n".getBytes(StandardCharsets.UTF_8));
        VerificationReport report = verify();
        assertEquals(List.of(Finding.Kind.ORPHAN_BLOB), kinds(report.harmless()));
        StoredRecord latest = store.latest(PRIVACY).orElseThrow();
        DocumentCapture page = latest.record().documents().get(0);
        store.append(Captures.record(PRIVACY, latest.sha256(), page.snapshot(), page.screenshot(), blob, 7));

        List<String> done = new StoreVerifier(store).prune(report, Duration.ZERO);

        assertTrue(store.hasBlob(blob), done.toString());
        assertEquals(List.of(), verify().findings());
    }

    @Test
    void a_corrupt_latest_version_is_moved_aside_and_stored_again_by_the_next_capture_of_the_same_content() throws Exception {
        StoredRecord latest = store.latest(TERMS).orElseThrow();
        String version = latest.record().version();
        byte[] genuine = store.getBlob(version);
        store.replaceObject(StoreLayout.blobKey(version), "forged text\n".getBytes(StandardCharsets.UTF_8));

        List<String> done = new BlobRepair(store).repair(verify(), null);

        assertTrue(done.get(0).startsWith("moved the damaged content of " + StoreLayout.blobKey(version) + " to damaged/sha256/" + version + "-"), done.toString());
        assertEquals(List.of(Finding.Kind.MISSING_BLOB), kinds(verify().inconsistencies()), "missing, no longer corrupt");
        assertEquals(latest, store.latest(TERMS).orElseThrow(), "no record was rewritten");

        store.putBlob(genuine); // what the next capture of the same page does
        assertEquals(List.of(), verify().findings());
    }

    @Test
    void a_lost_blob_is_restored_from_a_replica_without_touching_any_record() throws Exception {
        String snapshot = store.latest(PRIVACY).orElseThrow().record().documents().get(0).snapshot();
        try (LayoutStore replica = replica()) {
            new StoreCopier(store, replica).copy();
            store.deleteObject(StoreLayout.blobKey(snapshot));
            List<StoredRecord> before = store.history(PRIVACY, null, 10);

            List<String> done = new BlobRepair(store).repair(verify(), replica);

            assertEquals(List.of("restored " + StoreLayout.blobKey(snapshot) + " from " + replica.describe()), done);
            assertEquals(List.of(), verify().findings());
            assertEquals(before, store.history(PRIVACY, null, 10));
        }
    }

    /** An empty store of another kind or place, for copies. */
    abstract LayoutStore replica() throws Exception;


    static List<Finding.Kind> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }
}
