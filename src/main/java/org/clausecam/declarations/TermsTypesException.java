package org.clausecam.declarations;

import java.nio.file.Path;

/** A collection's list of terms types could not be read; the message names the file. */
public final class TermsTypesException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public TermsTypesException(Path file, String reason, Throwable cause) {
        super("terms types list " + file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() { return file; }
}
