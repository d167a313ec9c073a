package org.clausecam.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code --metrics-file}: the run's metrics, replaced whole. A collector that reads the file while
 * it is written (a node exporter's textfile collector scrapes at any instant) must see the old
 * run's or the new run's, never half of one: hence a temporary file in the same folder, renamed.
 */
final class MetricsFile {

    private MetricsFile() {
    }

    static void write(Path file, String exposition) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // The collector ignores names not ending in .prom, so the temporary file is never read.
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        // A temporary file is readable by its owner only; the collector (a node exporter) usually
        // runs as another user, so the file is made readable by all.
        if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            Files.writeString(temporary, exposition, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically (" + e.getMessage() + ")", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
