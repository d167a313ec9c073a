package org.clausecam.cli;

import org.clausecam.export.StoreHistories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code diff}: what it says when the terms or the records asked for are not there. */
@Tag("unit")
class DiffCommandTest {

    @TempDir
    Path work;

    private String store;

    @BeforeEach
    void aTermsThatChangedOnce() throws Exception {
        Path dir = work.resolve("store");
        store = "file:" + dir;
        try (StoreHistories h = new StoreHistories(dir)) {
            h.capture("Example", "Privacy Policy", Instant.parse("2026-04-06T10:00:00Z"), "We keep data.\n", "<p>keep</p>");
            h.capture("Example", "Privacy Policy", Instant.parse("2026-04-08T10:00:00Z"), "We sell data.\n", "<p>sell</p>");
        }
    }

    @Test
    void theLastChangeByDefault() {
        CliRun run = CliRun.run("diff", "Example", "Privacy Policy", "--store", store);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("-We keep data.") && run.output().contains("+We sell data."), run.output());
    }

    @Test
    void aDateNamesTheLatestPageCaptureThenNotEmailEvidenceRecordedLater() throws Exception {
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            h.email("Example", "Privacy Policy", Instant.parse("2026-04-01T09:00:00Z"));
        }
        CliRun run = CliRun.run("diff", "Example", "Privacy Policy", "--store", store, "--from", "2026-04-07");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().startsWith("--- Example/Privacy Policy.md @ 2026-04-06T10:00:00Z"), run.output());
        assertTrue(run.output().contains("-We keep data.") && run.output().contains("+We sell data."), run.output());
    }

    @Test
    void aFromThatIsNeitherARecordNorADateIsBadUsage() {
        CliRun run = CliRun.run("diff", "Example", "Privacy Policy", "--store", store, "--from", "last-week");
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("--from 'last-week' is neither a record id of Example / Privacy Policy nor a date"),
                run.output());
        assertFalse(run.output().contains("\tat "), "no stack trace: " + run.output());
    }

    @Test
    void aTermsWithoutRecordsIsNamedAsSuch() {
        CliRun run = CliRun.run("diff", "Exampel", "Privacy Policy", "--store", store);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("no records of Exampel / Privacy Policy in "), run.output());
    }
}
