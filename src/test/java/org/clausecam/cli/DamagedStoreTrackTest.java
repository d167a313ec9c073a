package org.clausecam.cli;

import org.clausecam.store.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real CLI over damaged stores, on {@code file:} and on S3Proxy: an altered newest record is
 * never laundered by the next {@code track}; a corrupt latest blob is recovered with
 * {@code verify --repair} and the next capture; a lost or corrupt latest version does not keep a
 * changed page out of the store (it is recorded, without the shrink check, and says so).
 */
class DamagedStoreTrackTest {

    static final String RECORD_1 = "records/Example/Terms of Service/999999999998.json";

    static S3ProxyServer s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() {
        s3 = new S3ProxyServer().start();
        s3.createBucket("damaged");
        // The CLI uses the default credentials chain, as in production.
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());
    }

    @AfterAll
    static void stopS3() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        s3.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "s3"})
    void an_altered_newest_record_stops_the_next_track_and_verify_keeps_saying_so(String backend) throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            Store store = store(backend, "altered");
            site.html("/tos", page("We may change these terms."));
            assertEquals(0, track(site, store).exit());

            Path record = store.file(RECORD_1);
            // One byte: the capture now claims to be a year older.
            Files.writeString(record, Files.readString(record).replaceFirst("\"fetchDate\" : \"2(\\d)(\\d)(\\d)", "\"fetchDate\" : \"1$1$2$3"));
            site.html("/tos", page("We may change these terms at any time."));
            CliRun next = track(site, store);

            assertEquals(3, next.exit(), "a history that cannot be extended is a storage failure: " + next.output());
            assertTrue(next.output().contains("history of Example / Terms of Service cannot be extended"), next.output());
            assertTrue(next.output().contains("it was altered after it was written; nothing was written"), next.output());
            assertFalse(Files.exists(store.file("records/Example/Terms of Service/999999999997.json")), "no record 2");
            CliRun verify = CliRun.run("verify", "--store", store.uri());
            assertEquals(1, verify.exit(), verify.output());
            assertTrue(verify.output().contains("inconsistent bad-head heads/Example/Terms of Service.json"), verify.output());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "s3"})
    void a_corrupt_latest_blob_is_recovered_by_verify_repair_and_the_next_capture(String backend) throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            Store store = store(backend, "corrupt");
            site.html("/tos", page("We may change these terms."));
            assertEquals(0, track(site, store).exit());
            String versionKey = versionKey(store.file(RECORD_1));
            assertTrue(Files.exists(store.file(versionKey)), versionKey);
            Files.writeString(store.file(versionKey), "forged");

            CliRun repair = CliRun.run("verify", "--store", store.uri(), "--repair");
            assertEquals(1, repair.exit(), "still missing until captured again: " + repair.output());
            assertTrue(repair.output().contains("repair: moved the damaged content of " + versionKey + " to damaged/sha256/"), repair.output());
            assertEquals(0, track(site, store).exit(), "the unchanged page stores the version again");

            CliRun verify = CliRun.run("verify", "--store", store.uri());
            assertEquals(0, verify.exit(), verify.output());
            assertTrue(verify.output().contains("consistent"), verify.output());
        }
    }

    @ParameterizedTest(name = "{1} previous version on {0}")
    @CsvSource({"file, missing", "file, corrupt", "s3, missing", "s3, corrupt"})
    void a_changed_page_whose_previous_version_is_lost_or_corrupt_is_recorded_with_a_note_that_the_shrink_check_was_skipped(
            String backend, String damage) throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            Store store = store(backend, damage);
            site.html("/tos", page("We may change these terms."));
            assertEquals(0, track(site, store).exit());
            Path record1 = store.file(RECORD_1);
            byte[] record1Bytes = Files.readAllBytes(record1);
            String versionKey = versionKey(record1);
            if (damage.equals("missing")) Files.delete(store.file(versionKey));
            else Files.writeString(store.file(versionKey), "forged");
            site.html("/tos", page("We may change these terms at any time."));

            CliRun changed = track(site, store);

            assertEquals(0, changed.exit(), changed.output());
            assertTrue(changed.output().contains("1 changed"), changed.output());
            assertTrue(changed.output().contains("the previous version's blob (record 1, " + versionKey.substring(versionKey.lastIndexOf('/') + 1)
                    + ") is " + damage + ": the shrink check was skipped"), changed.output());
            assertTrue(Files.exists(store.file("records/Example/Terms of Service/999999999997.json")), "record 2");
            assertArrayEquals(record1Bytes, Files.readAllBytes(record1), "record 1 is never rewritten");
            assertEquals(0, track(site, store).exit(), "the runs after are ordinary");

            CliRun verify = CliRun.run("verify", "--store", store.uri());
            assertEquals(1, verify.exit(), "the damaged version stays reported: " + verify.output());
            assertTrue(verify.output().contains(" " + versionKey), verify.output());
        }
    }

    private static String page(String text) {
        return "<html><body><main><h1>Terms</h1><p>" + text + "</p></main></body></html>";
    }

    private CliRun track(FixtureSite site, Store store, String... more) throws Exception {
        Path declarations = Files.createDirectories(dir.resolve("declarations"));
        Files.writeString(declarations.resolve("Example.json"), "{\"name\": \"Example\", \"terms\": {\"Terms of Service\": "
                + "{\"fetch\": \"" + site.url("/tos") + "\", \"select\": [\"main\"]}}}");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("track", "--declarations", declarations.toString(),
                "--store", store.uri(), "--allow-private-network", "--no-screenshots"));
        args.addAll(java.util.List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static String versionKey(Path record) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version\" : \"([0-9a-f]{64})\"").matcher(Files.readString(record));
        assertTrue(m.find(), "a record names its version");
        String hash = m.group(1);
        return "blobs/sha256/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash;
    }

    /** A store URI and where its objects are on disk (for S3Proxy: its filesystem backend). */
    private record Store(String uri, Path root) {
        Path file(String key) {
            return root.resolve(key);
        }
    }

    private Store store(String backend, String name) {
        if (backend.equals("file")) return new Store("file:" + dir.resolve(name), dir.resolve(name));
        return new Store(s3.storeUri("damaged", name + "-" + dir.getFileName()), s3.dataDir().resolve("damaged/" + name + "-" + dir.getFileName()));
    }
}
