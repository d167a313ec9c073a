package org.clausecam.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The half-written files of a failed export, removed so that they are never taken for an export. */
final class PartialFiles {

    private PartialFiles() {
    }

    /** Removes them; one that cannot be removed is added to the failure, which stays the error reported. */
    static void discard(Exception failure, Path... partial) {
        for (Path file : partial) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
