package org.clausecam.cli;

import org.clausecam.export.StoreHistories;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports and the feed: a mistyped {@code --services} or {@code --types}, or a folder given for the file, is bad usage naming it, never an empty file that looks right or a failure naming a temporary file. */
@Tag("unit")
class ExportUsageTest {

    @TempDir
    Path work;

    @Test
    void everyExportAndTheFeedRefuseAServiceTheStoreHasNoRecordsOfAndAFolderForAFile() throws Exception {
        Path dir = work.resolve("store");
        try (StoreHistories h = new StoreHistories(dir)) {
            h.capture("Claude.ai", "Privacy Policy", Instant.parse("2026-04-06T10:00:00Z"), "We keep data.\n", "<p>keep</p>");
        }
        String store = "file:" + dir;
        for (String[] args : new String[][] {
                {"export", "warc", "--store", store, "--out", work.resolve("a.warc.gz").toString(), "--services", "Claude"},
                {"export", "wacz", "--store", store, "--out", work.resolve("a.wacz").toString(), "--services", "Claude"},
                {"export", "ota", "--store", store, "--out", work.resolve("ota").toString(), "--services", "Claude.ai,Claude"},
                {"feed", "--store", store, "--out", work.resolve("feed.xml").toString(), "--services", "Claude"}}) {
            CliRun run = CliRun.run(args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.output());
            assertTrue(run.output().contains("--services Claude: no records of that service in file:" + dir
                    + " (services there: Claude.ai)"), run.output());
        }
        assertFalse(Files.exists(work.resolve("a.warc.gz")) || Files.exists(work.resolve("a.wacz"))
                || Files.exists(work.resolve("feed.xml")), "nothing written");

        CliRun type = CliRun.run("export", "ota", "--store", store, "--out", work.resolve("ota").toString(), "--types", "Privacy");
        assertEquals(2, type.exit(), type.output());
        assertTrue(type.output().contains("--types Privacy: no records of that terms type in file:" + dir
                + " (terms types there: Privacy Policy)"), type.output());

        for (String[] args : new String[][] {
                {"export", "warc", "--store", store, "--out", work.toString()},
                {"export", "wacz", "--store", store, "--out", work.toString()},
                {"feed", "--store", store, "--out", work.toString()}}) {
            CliRun run = CliRun.run(args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.output());
            assertTrue(run.output().contains("--out " + work + " is a folder; name the file to write"), run.output());
        }

        CliRun known = CliRun.run("export", "warc", "--store", store, "--out", work.resolve("b.warc.gz").toString(),
                "--services", "Claude.ai");
        assertEquals(0, known.exit(), known.output());
    }
}
