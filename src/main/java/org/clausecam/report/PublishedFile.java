package org.clausecam.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file other programs read while runs replace it: the report's pages, the Atom feed, the
 * metrics a node exporter collects. It is written under a temporary name beside its place and
 * moved there whole, so no reader sees half of it, and it is readable by all: temporary files
 * are created readable by their owner only, and the reader (a web server, a collector) usually
 * runs as another user.
 */
public final class PublishedFile {

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private PublishedFile() {
    }

    /**
     * Replaces {@code file} with {@code content}, atomically (an {@link IOException} where the file
     * system cannot); on failure the temporary file is gone and the old file stays.
     *
     * @param prefix the temporary name's start and {@code suffix} its end: a name the file's readers pass over
     */
    public static void write(Path file, String prefix, String suffix, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = temporaryBeside(target, prefix, suffix);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically (" + e.getMessage() + ")", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** An empty temporary file in {@code file}'s folder (created if needed), readable by all, to be moved there. */
    public static Path temporaryBeside(Path file, String prefix, String suffix) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, prefix, suffix);
        if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return temporary;
    }
}
