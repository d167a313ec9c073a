package org.clausecam.durability;

import org.clausecam.cli.CliRun;

import org.clausecam.store.S3ProxyServer;
import org.clausecam.store.Store;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same {@code track} runs into a {@code file:} store and into an {@code s3://} bucket of a
 * real S3 server (S3Proxy), with the real CLI: {@code history}, {@code diff} and {@code verify}
 * say the same on both, {@code store-copy} moves the history into a bucket byte for byte, and a
 * store damaged the same way gets the same verdict on both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrackRoundTripTest {

    static final String BUCKET = "roundtrip";

    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    @TempDir
    static Path work;

    static S3Credentials credentials;
    static TermsSite site;
    static Path declarations;
    static String fileStore;
    static String s3Store;
    static String copyStore;

    @BeforeAll
    static void siteAndStores() throws Exception {
        S3.createBucket(BUCKET);
        credentials = S3Credentials.of(S3);
        // Two services of three terms; one is rendered in Chromium (with its full-page screenshot).
        site = new TermsSite(6, Set.of(1));
        declarations = site.declare(work.resolve("declarations"));
        fileStore = "file:" + work.resolve("data");
        s3Store = S3.storeUri(BUCKET, "tracked");
        copyStore = S3.storeUri(BUCKET, "copied");
    }

    @AfterAll
    static void stop() {
        site.close();
        credentials.close();
    }

    @Test
    @Order(1)
    void a_first_track_records_every_terms_in_both_stores() {
        for (String store : List.of(fileStore, s3Store)) {
            CliRun run = track(store);
            assertEquals(0, run.exit(), run.output());
            assertTrue(run.output().contains(": 6 first records, 0 changed, 0 unchanged, 0 failed"), run.output());
        }
    }

    @Test
    @Order(2)
    void a_second_track_after_two_pages_changed_records_the_same_changes_in_both() {
        site.revise(0, 2);
        site.revise(1, 2);
        for (String store : List.of(fileStore, s3Store)) {
            CliRun run = track(store);
            assertEquals(0, run.exit(), run.output());
            assertTrue(run.output().contains(": 0 first records, 2 changed, 4 unchanged, 0 failed"), run.output());
        }
    }

    @Test
    @Order(3)
    void history_and_diff_say_the_same_on_file_and_s3() {
        for (TermsSite.Entry e : site.entries()) {
            CliRun onFile = CliRun.run("history", e.service(), e.type(), "--store", fileStore);
            CliRun onS3 = CliRun.run("history", e.service(), e.type(), "--store", s3Store);
            assertEquals(0, onFile.exit(), onFile.output());
            assertEquals(0, onS3.exit(), onS3.output());
            assertEquals(2, onFile.output().lines().count(), onFile.output());
            // The same records, versions and snapshots; only the fetch dates differ (two captures).
            assertEquals(withoutDates(onFile.output()), withoutDates(onS3.output()));
        }
        TermsSite.Entry changed = site.entries().get(0);
        CliRun diffFile = CliRun.run("diff", changed.service(), changed.type(), "--store", fileStore);
        CliRun diffS3 = CliRun.run("diff", changed.service(), changed.type(), "--store", s3Store);
        assertEquals(0, diffFile.exit(), diffFile.output());
        assertTrue(diffFile.output().contains("\n-" + TermsSite.revisionSentence(1) + "\n+" + TermsSite.revisionSentence(2) + "\n"),
                diffFile.output());
        assertEquals(withoutDates(diffFile.output()), withoutDates(diffS3.output()));
    }

    @Test
    @Order(4)
    void verify_finds_both_stores_consistent_with_the_same_counts() {
        CliRun onFile = CliRun.run("verify", "--store", fileStore);
        CliRun onS3 = CliRun.run("verify", "--store", s3Store);
        assertEquals(0, onFile.exit(), onFile.output());
        assertEquals(0, onS3.exit(), onS3.output());
        assertTrue(onFile.output().contains(": 6 terms, 12 records, "), onFile.output());
        assertEquals(withoutStoreNames(onFile.output()), withoutStoreNames(onS3.output()));
        assertFalse(onS3.output().contains(S3.secretKey()) || onS3.output().contains(S3.accessKey()), "no credentials in messages");
    }

    @Test
    @Order(5)
    void store_copy_moves_the_file_history_into_a_bucket_byte_for_byte() throws Exception {
        CliRun copy = CliRun.run("store-copy", "--from", fileStore, "--to", copyStore);
        assertEquals(0, copy.exit(), copy.output());

        CliRun verify = CliRun.run("verify", "--store", copyStore);
        assertEquals(0, verify.exit(), verify.output());
        assertEquals(withoutStoreNames(CliRun.run("verify", "--store", fileStore).output()), withoutStoreNames(verify.output()));
        for (TermsSite.Entry e : site.entries()) {
            // Copied records are the same bytes: the same dates, ids and hashes.
            assertEquals(CliRun.run("history", e.service(), e.type(), "--store", fileStore).output(),
                    CliRun.run("history", e.service(), e.type(), "--store", copyStore).output());
        }
        try (Store original = Stores.open(fileStore); Store copied = Stores.open(copyStore)) {
            for (TermsSite.Entry e : site.entries()) {
                TermsKey terms = new TermsKey(e.service(), e.type());
                assertEquals(original.latest(terms).orElseThrow().sha256(), copied.latest(terms).orElseThrow().sha256());
                assertEquals(List.of(), Histories.problems(copied, terms));
            }
        }

        CliRun again = CliRun.run("store-copy", "--from", fileStore, "--to", copyStore);
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains(" 0 bytes written"), again.output());
    }

    @Test
    @Order(6)
    void the_same_damage_gets_the_same_verdict_on_file_and_s3() throws Exception {
        TermsSite.Entry removed = site.entries().get(2);
        TermsSite.Entry corrupted = site.entries().get(3);
        String versionBlob;
        try (Store s = Stores.open(fileStore)) {
            versionBlob = s.latest(new TermsKey(corrupted.service(), corrupted.type())).orElseThrow().record().version();
        }
        String recordKey = "records/" + removed.service() + "/" + removed.type() + "/999999999998.json";
        String blobKey = "blobs/sha256/" + versionBlob.substring(0, 2) + "/" + versionBlob.substring(2, 4) + "/" + versionBlob;
        byte[] forged = "We may sell your data.\n".getBytes(StandardCharsets.UTF_8);

        // The first record of one terms removed, the version of another rewritten: on disk and in the bucket.
        Path root = work.resolve("data");
        Files.delete(root.resolve(recordKey));
        Files.write(root.resolve(blobKey), forged);
        try (S3Client s3 = S3.client()) {
            s3.deleteObject(b -> b.bucket(BUCKET).key("copied/" + recordKey));
            s3.putObject(b -> b.bucket(BUCKET).key("copied/" + blobKey), RequestBody.fromBytes(forged));
        }

        CliRun onFile = CliRun.run("verify", "--store", fileStore);
        CliRun onS3 = CliRun.run("verify", "--store", copyStore);
        assertEquals(1, onFile.exit(), onFile.output());
        assertEquals(1, onS3.exit(), onS3.output());
        assertTrue(onFile.output().contains("inconsistent broken-chain "), onFile.output());
        assertTrue(onFile.output().contains("inconsistent corrupt-blob " + blobKey), onFile.output());
        assertEquals(sorted(withoutStoreNames(onFile.output())), sorted(withoutStoreNames(onS3.output())));
    }

    private static CliRun track(String store) {
        return CliRun.run("track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network");
    }

    /** Output with ISO-8601 instants blanked out, and without the run's duration. */
    private static String withoutDates(String output) {
        return output.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "DATE");
    }

    private static String withoutStoreNames(String output) {
        return output.replaceAll("verify \\S+( at \\S+)?:", "verify STORE:");
    }

    private static List<String> sorted(String output) {
        List<String> lines = new ArrayList<>(output.lines().toList());
        java.util.Collections.sort(lines);
        return lines;
    }
}
