package org.clausecam.cli;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.FileStore;
import org.clausecam.store.S3ProxyServer;
import org.clausecam.store.StoredRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verify} and {@code store-copy} as users run them: exit codes and what they print. */
class StoreCommandsTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** A store with one terms and three records, as the tracker would leave it. */
    Path storeWithHistory(String name) throws Exception {
        Path root = dir.resolve(name);
        try (FileStore store = new FileStore(root)) {
            StoredRecord last = null;
            for (int i = 0; i < 3; i++) {
                String snapshot = store.putBlob(("<p>version " + i + "</p>").getBytes(StandardCharsets.UTF_8));
                String version = store.putBlob(("version " + i + "\n").getBytes(StandardCharsets.UTF_8));
                DocumentCapture doc = new DocumentCapture(null, "https://example.com/tos", "https://example.com/tos", "http",
                        200, "HTTP/1.1 200 OK", Map.of(), "text/html", snapshot, null, null);
                last = store.append(new CaptureRecord("Example", "Terms of Service", Instant.parse("2026-11-29T06:00:00Z").plusSeconds(i),
                        CaptureRecord.KIND_CAPTURE, List.of(doc), version, true, last == null ? null : last.sha256(), null, "test"));
            }
        }
        return root;
    }

    @Test
    void verify_of_a_consistent_store_exits_0() throws Exception {
        Path root = storeWithHistory("data");
        assertEquals(0, run(new VerifyCommand(), "--store", "file:" + root));
        assertTrue(out.toString().contains("1 terms, 3 records, 6 blobs"), out.toString());
        assertTrue(out.toString().endsWith("consistent\n"), out.toString());
    }

    @Test
    void verify_lists_each_inconsistency_and_exits_1() throws Exception {
        Path root = storeWithHistory("data");
        Files.delete(root.resolve("records/Example/Terms of Service/999999999997.json"));

        assertEquals(1, run(new VerifyCommand(), "--store", "file:" + root));

        assertTrue(out.toString().contains("inconsistent broken-chain records/Example/Terms of Service/999999999996.json: "
                + "record 2 of Example / Terms of Service is missing"), out.toString());
        // The deleted record's blobs are now named by no record: harmless, but reported.
        assertTrue(out.toString().endsWith("1 inconsistency, 2 harmless findings (--prune removes debris)\n"), out.toString());
    }

    @Test
    void verify_prune_removes_an_orphan_blob_and_exits_0() throws Exception {
        Path root = storeWithHistory("data");
        String orphan;
        try (FileStore store = new FileStore(root)) {
            orphan = store.putBlob("screenshot of a capture whose agent was killed".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals(0, run(new VerifyCommand(), "--store", "file:" + root, "--prune", "--prune-grace", "PT0S"));

        assertTrue(out.toString().contains("harmless orphan-blob blobs/sha256/"), out.toString());
        assertTrue(out.toString().contains("pruned: removed blobs/sha256/" + orphan.substring(0, 2)), out.toString());
        try (FileStore store = new FileStore(root)) {
            assertFalse(store.hasBlob(orphan));
        }
    }

    @Test
    void a_malformed_store_uri_is_bad_usage() {
        assertEquals(2, run(new VerifyCommand(), "--store", "ftp://example.com/data"));
        assertTrue(err.toString().contains("unsupported store URI"), err.toString());
    }

    @Test
    void store_copy_copies_everything_once_and_the_copy_verifies() throws Exception {
        Path from = storeWithHistory("from");
        Path to = dir.resolve("to");

        assertEquals(0, run(new StoreCopyCommand(), "--from", "file:" + from, "--to", "file:" + to));
        assertTrue(out.toString().contains("6 blobs (0 already there), 3 records (0 already there), 1 heads"), out.toString());
        assertEquals(files(from), files(to).stream().filter(f -> !f.startsWith("clausecam-store.json")).toList(),
                "the same objects, plus the new store's marker");

        assertEquals(0, run(new StoreCopyCommand(), "--from", "file:" + from, "--to", "file:" + to));
        assertTrue(out.toString().contains("0 blobs (6 already there), 0 records (3 already there), 0 heads, 0 bytes written"), out.toString());
        assertEquals(0, run(new VerifyCommand(), "--store", "file:" + to));
    }

    @Test
    void store_copy_onto_itself_is_bad_usage() throws Exception {
        Path from = storeWithHistory("from");
        assertEquals(2, run(new StoreCopyCommand(), "--from", "file:" + from, "--to", "file:" + from + "/"));
    }

    @Test
    void a_history_graduates_from_file_to_s3_and_verify_gives_the_same_verdicts_on_both() throws Exception {
        try (S3ProxyServer s3 = new S3ProxyServer().start()) {
            s3.createBucket("graduation");
            String bucketUri = s3.storeUri("graduation", "clausecam");
            // The commands use the default credentials chain, as in production.
            System.setProperty("aws.accessKeyId", s3.accessKey());
            System.setProperty("aws.secretAccessKey", s3.secretKey());
            try {
                Path from = storeWithHistory("data");
                assertEquals(0, run(new StoreCopyCommand(), "--from", "file:" + from, "--to", bucketUri));
                assertEquals(0, run(new VerifyCommand(), "--store", bucketUri));
                assertTrue(out.toString().contains("verify s3://graduation/clausecam at http://127.0.0.1:"), out.toString());

                String tampered = "records/Example/Terms of Service/999999999998.json";
                Files.writeString(from.resolve(tampered), Files.readString(from.resolve(tampered)).replace("\"changed\" : true", "\"changed\" : false"));
                Files.writeString(s3.dataDir().resolve("graduation/clausecam").resolve(tampered),
                        Files.readString(from.resolve(tampered)));
                out.getBuffer().setLength(0);
                assertEquals(1, run(new VerifyCommand(), "--store", "file:" + from));
                String fileVerdict = out.toString().lines().skip(1).toList().toString();
                out.getBuffer().setLength(0);
                assertEquals(1, run(new VerifyCommand(), "--store", bucketUri));
                String s3Verdict = out.toString().lines().skip(1).toList().toString();

                assertEquals(fileVerdict, s3Verdict);
                assertTrue(fileVerdict.contains("inconsistent broken-chain records/Example/Terms of Service/999999999997.json"), fileVerdict);
                assertFalse(out.toString().contains(s3.secretKey()));
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
        }
    }

    private static List<String> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p) + " " + p.toFile().length()).sorted().toList();
        }
    }
}
