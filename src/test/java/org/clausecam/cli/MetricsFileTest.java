package org.clausecam.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --metrics-file}: replaced whole, and readable by a collector that runs as another user. */
@Tag("unit")
class MetricsFileTest {

    @TempDir
    Path work;

    @Test
    void theMetricsFileIsReplacedWholeAndReadableByAll() throws Exception {
        Path file = work.resolve("textfile/clausecam.prom");
        MetricsFile.write(file, "a 1\n");
        MetricsFile.write(file, "a 2\n");

        assertEquals("a 2\n", Files.readString(file));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file left beside it");
        }
        Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertTrue(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
