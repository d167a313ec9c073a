package org.clausecam.export;

/** An export that could not be written: a blob the store no longer has, a repository or file that cannot be written. */
public final class ExportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
