package org.clausecam.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code capture-email} given a file that is not there: bad input (exit 2) that names it (folders and non-e-mails: CaptureEmailCommandTest). */
@Tag("unit")
class CaptureEmailInputTest {

    @TempDir
    Path work;

    @Test
    void aMissingFileIsNamed() {
        Path missing = work.resolve("announcement.eml");
        CliRun run = CliRun.run("capture-email", missing.toString(), "--out", work.resolve("x").toString());

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains(missing + ": no such file"), run.output());
    }
}
