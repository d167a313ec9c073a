package org.clausecam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.clausecam.fetch.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees of the settle rule: {@code capture --out} of a page built after {@code load}
 * keeps the whole page, and a page that never settles is taken at the maximum with a note, in
 * the output, in {@code capture.json} and in the stored record.
 */
class SettleCommandsTest {

    private static FixtureServer server;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void serve() {
        server = new FixtureServer()
                .serveResource("/late.html", "text/html; charset=utf-8", "/settle/late.html")
                .serveResource("/never-settles.html", "text/html; charset=utf-8", "/settle/never-settles.html");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void captureOutOfAPageFilledByAScript300MsAfterLoadKeepsTheWholePolicyEveryTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            Path out = dir.resolve("run-" + i);
            CliRun run = CliRun.run("capture", server.url("/late.html?ms=300").toString(), "--out", out.toString(),
                    "--allow-private-network");

            assertEquals(0, run.exit(), run.output());
            String version = Files.readString(out.resolve("version.md"));
            assertTrue(version.contains("arrived-after-load"), "run " + i + ": " + version);
            JsonNode meta = JSON.readTree(out.resolve("capture.json").toFile());
            assertEquals("browser", meta.get("fetcher").asText());
            assertTrue(meta.get("settle").get("settled").asBoolean(), meta.toString());
            assertFalse(meta.has("notes") && meta.get("notes").size() > 0, meta.toString());
            assertTrue(run.output().contains("settled "), run.output());
        }
    }

    @Test
    void aPageThatNeverSettlesIsTakenAtTheMaximumAndSaysSoInItsOutputFilesAndRecord() throws Exception {
        Path out = dir.resolve("out");
        Path store = dir.resolve("store");
        CliRun run = CliRun.run("capture", server.url("/never-settles.html").toString(), "--execute-client-scripts",
                "--max-settle-ms", "2000", "--out", out.toString(), "--store", "file:" + store, "--service", "Example",
                "--type", "Terms of Service", "--allow-private-network");

        assertEquals(0, run.exit(), run.output());
        String note = "did not settle within 2 s after load: still mutating; taken as it was";
        assertTrue(run.output().contains("note: " + server.url("/never-settles.html") + ": " + note), run.output());
        JsonNode meta = JSON.readTree(out.resolve("capture.json").toFile());
        assertFalse(meta.get("settle").get("settled").asBoolean());
        assertEquals("still mutating", meta.get("settle").get("busy").get(0).asText());
        assertTrue(meta.get("notes").get(0).asText().endsWith(note), meta.toString());
        assertTrue(Files.readString(out.resolve("version.md")).contains("never stop being rewritten"));
        JsonNode record;
        try (Stream<Path> records = Files.walk(store.resolve("records"))) {
            record = JSON.readTree(records.filter(Files::isRegularFile).findFirst().orElseThrow().toFile());
        }
        assertTrue(record.get("documents").get(0).get("notes").get(0).asText().endsWith(note), record.toString());
    }

    @Test
    void settleOptionsAreChecked() {
        CliRun run = CliRun.run("capture", server.url("/late.html").toString(), "--settle-ms", "3000", "--max-settle-ms", "1000",
                "--out", dir.resolve("x").toString(), "--allow-private-network");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("--settle-ms (3000) must not be longer than --max-settle-ms (1000)"), run.output());
    }
}
