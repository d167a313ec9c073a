package org.clausecam.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes the report's files under its root folder. Every file is written to a temporary name and
 * moved into place, so an interrupted run never leaves a half-written picture that a later run
 * would keep; pages whose bytes did not change are left untouched, so that copying the report
 * elsewhere (rsync, a bucket sync) moves only what changed.
 */
final class SiteFiles {

    /** Temporary files are named so, for a run killed mid-write to find and remove them. */
    private static final String TEMPORARY_PREFIX = ".partial-";
    private static final String TEMPORARY_SUFFIX = ".tmp";

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
        return PublishedFile.temporaryBeside(resolve(relative), TEMPORARY_PREFIX, TEMPORARY_SUFFIX);
    }

    void moveIntoPlace(Path temporary, String relative) throws IOException {
        move(temporary, resolve(relative));
        written++;
    }

    /** Deletes temporary files that a run killed mid-write left in {@code folder}. */
    void removeLeftovers(String folder) throws IOException {
        Path dir = resolve(folder);
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.newDirectoryStream(dir, TEMPORARY_PREFIX + "*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : files) Files.deleteIfExists(leftover);
        }
    }

    private void write(Path file, byte[] bytes) throws IOException {
        written++;
        Path temporary = PublishedFile.temporaryBeside(file, TEMPORARY_PREFIX, TEMPORARY_SUFFIX);
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
