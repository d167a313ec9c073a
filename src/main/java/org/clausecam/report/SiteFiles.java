package org.clausecam.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Writes the report's files under its root folder. Every file is written to a temporary name and
 * moved into place, so an interrupted run never leaves a half-written picture that a later run
 * would keep; pages whose bytes did not change are left untouched, so that copying the report
 * elsewhere (rsync, a bucket sync) moves only what changed.
 */
final class SiteFiles {

    private final Path root;
    private int written;

    SiteFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The file at {@code relative} (a path made of {@link SiteNames} parts, '/'-separated). */
    Path resolve(String relative) {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) throw new IllegalArgumentException("report file outside the output folder: " + relative);
        return file;
    }

    boolean exists(String relative) {
        return Files.isRegularFile(resolve(relative));
    }

    /** Writes a page or stylesheet unless the file already holds exactly these bytes; true when written. */
    boolean writeText(String relative, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = resolve(relative);
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        write(file, bytes);
        return true;
    }

    /** Files written (created or replaced) so far by this run. */
    int written() {
        return written;
    }

    void writeBytes(String relative, byte[] bytes) throws IOException {
        write(resolve(relative), bytes);
    }

    /** A temporary file next to {@code relative}, to be moved there with {@link #moveIntoPlace}. */
    Path temporaryFor(String relative) throws IOException {
        Path file = resolve(relative);
        Files.createDirectories(file.getParent());
        return readableByAll(Files.createTempFile(file.getParent(), ".partial-", ".tmp"));
    }

    /**
     * Temporary files are created readable by their owner only; a report is meant to be
     * published (a web server usually runs as another user), so its files are made readable by all.
     */
    private static Path readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return file;
    }

    void moveIntoPlace(Path temporary, String relative) throws IOException {
        move(temporary, resolve(relative));
        written++;
    }

    /** Deletes temporary files that a run killed mid-write left in {@code folder}. */
    void removeLeftovers(String folder) throws IOException {
        Path dir = resolve(folder);
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.newDirectoryStream(dir, ".partial-*.tmp")) {
            for (Path leftover : files) Files.deleteIfExists(leftover);
        }
    }

    private void write(Path file, byte[] bytes) throws IOException {
        written++;
        Files.createDirectories(file.getParent());
        Path temporary = readableByAll(Files.createTempFile(file.getParent(), ".partial-", ".tmp"));
        try {
            Files.write(temporary, bytes);
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void move(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
