package org.clausecam.report;

import org.clausecam.store.Store;
import org.clausecam.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * The store's blobs a report links to, copied untouched into {@code evidence/<sha256>.<ext>},
 * each once: a blob already in the output folder is neither read from the store nor written
 * again, and a blob shared by many records is stored once. Versions, snapshots and e-mail
 * sources are always copied (a reader cites them); full-size PNG screenshots only when asked,
 * since they weigh tens of megabytes on tall pages and the pages show small previews of them.
 */
final class EvidenceFiles {

    static final String FOLDER = "evidence/";

    /** A screenshot as a file to read, temporary unless it is the report's own copy. */
    record Local(Path file, boolean temporary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporary) Files.deleteIfExists(file);
        }
    }

    private final Store store;
    private final SiteFiles files;
    private final boolean copyScreenshots;
    private final List<String> problems;
    private final Map<String, String> known = new HashMap<>();
    private final Set<String> unreadable = new HashSet<>();
    private int copied;

    EvidenceFiles(Store store, SiteFiles files, boolean copyScreenshots, List<String> problems) {
        this.store = store;
        this.files = files;
        this.copyScreenshots = copyScreenshots;
        this.problems = problems;
    }

    boolean copiesScreenshots() {
        return copyScreenshots;
    }

    /**
     * The blob's copy relative to the report root, or null when it cannot be read (the reason is
     * added to the problems, naming {@code context}).
     *
     * @param what      what the blob is, for the problem ("version", "snapshot")
     * @param extension the copy's file extension, chosen by the caller from the blob's media type
     */
    String copy(String sha256, String extension, String what, String context) throws IOException {
        if (!SiteNames.isSha256(sha256)) {
            problems.add(context + ": " + what + " hash is not a SHA-256: " + sha256);
            return null;
        }
        String relative = FOLDER + sha256 + "." + extension;
        if (known.containsKey(relative)) return known.get(relative);
        if (!files.exists(relative)) {
            byte[] bytes = read(sha256, what, context);
            if (bytes == null) {
                known.put(relative, null);
                return null;
            }
            files.writeBytes(relative, bytes);
            copied++;
        }
        known.put(relative, relative);
        return relative;
    }

    /** The PNG evidence's copy, or null when screenshots are not copied or it cannot be read. */
    String screenshot(String sha256, String context) throws IOException {
        return copyScreenshots ? copy(sha256, "png", "screenshot", context) : null;
    }

    /** The screenshot as a file: the evidence copy, else a temporary file in the output folder. */
    Local local(String sha256, String context) throws IOException {
        String copy = screenshot(sha256, context);
        if (copy != null) return new Local(files.resolve(copy), false);
        if (copyScreenshots || !SiteNames.isSha256(sha256)) return null;
        byte[] bytes = read(sha256, "screenshot", context);
        if (bytes == null) return null;
        Path temporary = files.temporaryFor(FOLDER + sha256 + ".png");
        Files.write(temporary, bytes);
        return new Local(temporary, true);
    }

    /** The blob's bytes, or null (one problem per blob, however many pages show it). */
    private byte[] read(String sha256, String what, String context) {
        if (unreadable.contains(sha256)) return null;
        try {
            return store.getBlob(sha256);
        } catch (StoreException e) {
            unreadable.add(sha256);
            problems.add(context + ": " + what + " " + sha256 + " cannot be read from " + store.describe() + ": " + e.getMessage());
            return null;
        }
    }

    /** The extension a snapshot is kept under: text for markup, so that a browser shows it and never runs it. */
    static String snapshotExtension(String mimeType) {
        String type = mimeType == null ? "" : mimeType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/pdf")) return "pdf";
        if (type.startsWith("message/rfc822")) return "eml";
        if (type.startsWith("text/html") || type.contains("xml")) return "html.txt";
        return "txt";
    }

    int copied() {
        return copied;
    }
}
