package org.clausecam.diff;

import java.nio.file.Path;

/** A screenshot that could not be read, or a difference picture that could not be written; names the file. */
public class VisualDiffException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Path file;

    public VisualDiffException(Path file, String message, Throwable cause) {
        super((file == null ? "picture in memory" : file) + ": " + message, cause);
        this.file = file;
    }

    public VisualDiffException(Path file, String message) {
        this(file, message, null);
    }

    /** The screenshot or picture the failure is about. */
    public Path file() { return file; }
}
