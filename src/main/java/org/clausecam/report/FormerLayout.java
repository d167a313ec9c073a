package org.clausecam.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Files that reports of earlier versions wrote and this one no longer links: full-size
 * screenshots in {@code blobs/<sha256>.png|jpg|webp} and whole visual-difference pictures in
 * {@code visual/<older>-<newer>.png}, tens of megabytes each on tall pages. Bringing such a
 * report up to date removes them, and only them: any other file in those folders is left alone.
 */
final class FormerLayout {

    private static final Pattern SCREENSHOT = Pattern.compile("[0-9a-f]{64}\\.(png|jpg|webp)");
    private static final Pattern DIFFERENCE = Pattern.compile("[0-9a-f]{64}-[0-9a-f]{64}\\.png");

    private FormerLayout() {
    }

    /** @return files removed */
    static int remove(SiteFiles files) throws IOException {
        return remove(files.resolve("blobs"), SCREENSHOT, true) + remove(files.resolve("visual"), DIFFERENCE, false);
    }

    private static int remove(Path folder, Pattern names, boolean folderToo) throws IOException {
        if (!Files.isDirectory(folder)) return 0;
        int removed = 0;
        try (var entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && names.matcher(entry.getFileName().toString()).matches()) {
                    Files.delete(entry);
                    removed++;
                }
            }
        }
        if (folderToo) {
            try (var left = Files.list(folder)) {
                if (left.findAny().isEmpty()) Files.delete(folder);
            }
        }
        return removed;
    }
}
