package org.clausecam.report;

import org.clausecam.store.Store;
import org.clausecam.store.StoreException;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies screenshots from the store's blobs into {@code blobs/<sha256>.<ext>} of the report, each
 * once: a picture already in the output folder is neither read from the store nor written again,
 * so a report regenerated every day only copies the new screenshots.
 */
final class ScreenshotFiles {

    static final String FOLDER = "blobs/";
    private static final List<String> EXTENSIONS = List.of("png", "jpg", "webp");

    private final Store store;
    private final SiteFiles files;
    private final List<String> problems;
    private final Map<String, String> known = new HashMap<>();
    private int copied;
    private int kept;

    ScreenshotFiles(Store store, SiteFiles files, List<String> problems) {
        this.store = store;
        this.files = files;
        this.problems = problems;
    }

    /**
     * The screenshot's path relative to the report root, or null when it cannot be shown (the
     * reason is added to the problems, naming {@code context}).
     */
    String file(String sha256, String context) throws IOException {
        if (!SiteNames.isSha256(sha256)) {
            problems.add(context + ": screenshot hash is not a SHA-256: " + sha256);
            return null;
        }
        if (known.containsKey(sha256)) return known.get(sha256);
        String found = null;
        for (String extension : EXTENSIONS) {
            String candidate = FOLDER + sha256 + "." + extension;
            if (files.exists(candidate)) {
                found = candidate;
                kept++;
                break;
            }
        }
        if (found == null) found = copy(sha256, context);
        known.put(sha256, found);
        return found;
    }

    private String copy(String sha256, String context) throws IOException {
        byte[] bytes;
        try {
            bytes = store.getBlob(sha256);
        } catch (StoreException e) {
            problems.add(context + ": screenshot " + sha256 + " cannot be read from " + store.describe() + ": " + e.getMessage());
            return null;
        }
        String extension = pictureType(bytes);
        if (extension == null) {
            problems.add(context + ": blob " + sha256 + " named as a screenshot is not a PNG, JPEG or WebP picture");
            return null;
        }
        String relative = FOLDER + sha256 + "." + extension;
        files.writeBytes(relative, bytes);
        copied++;
        return relative;
    }

    /** The picture's format from its first bytes, or null when it is none a browser shows reliably. */
    static String pictureType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "png";
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) return "jpg";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "webp";
        return null;
    }

    int copied() {
        return copied;
    }

    int kept() {
        return kept;
    }
}
