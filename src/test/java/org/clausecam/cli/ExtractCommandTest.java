package org.clausecam.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code extract} over an Open Terms Archive snapshots layout, on a real case (public data). */
@Tag("unit")
class ExtractCommandTest {

    static final Path CASE = Path.of("src/test/resources/parity/Grok__Acceptable_Use_Policy__20260518T103321__9d044a60");

    @TempDir
    Path out;

    @Test
    void writesTheVersionOpenTermsArchivePublishedForASnapshot() throws Exception {
        CliRun run = CliRun.run("extract", "--declarations", CASE.resolve("declarations").toString(),
                "--snapshots", CASE.resolve("snapshots").toString(), "--out", out.toString());

        assertEquals(0, run.exit(), run.output());
        Path expected = CASE.resolve("expected/Grok/Acceptable Use Policy.md");
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out.resolve("Grok/Acceptable Use Policy.md")));
    }

    @Test
    void aSnapshotWithoutDeclaredTermsIsReportedAndTheOthersAreStillWritten() throws Exception {
        Path snapshots = out.resolve("snapshots");
        Path grok = Files.createDirectories(snapshots.resolve("Grok"));
        for (Path f : Files.list(CASE.resolve("snapshots/Grok")).toList()) Files.copy(f, grok.resolve(f.getFileName()));
        Files.writeString(grok.resolve("Imprint.html"), "<html><body>Not declared</body></html>");

        CliRun run = CliRun.run("extract", "--declarations", CASE.resolve("declarations").toString(),
                "--snapshots", snapshots.toString(), "--out", out.resolve("versions").toString());

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("failed: Grok / Imprint: no terms \"Imprint\""), run.output());
        assertTrue(Files.exists(out.resolve("versions/Grok/Acceptable Use Policy.md")));
    }
}
