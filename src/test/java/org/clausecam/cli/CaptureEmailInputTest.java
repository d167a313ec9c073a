package org.clausecam.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code capture-email} given something that is not an e-mail file: bad input (exit 2) that names it. */
@Tag("unit")
class CaptureEmailInputTest {

    @TempDir
    Path work;

    @Test
    void aMissingFileIsNamed() {
        Path missing = work.resolve("announcement.eml");
        CliRun run = CliRun.run("capture-email", missing.toString(), "--out", work.resolve("x").toString());

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("no such e-mail file: " + missing), run.output());
    }

    @Test
    void aFolderIsNamed() throws Exception {
        Path folder = Files.createDirectories(work.resolve("mail"));
        CliRun run = CliRun.run("capture-email", folder.toString(), "--out", work.resolve("x").toString());

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("not an e-mail file but a folder: " + folder), run.output());
    }
}
