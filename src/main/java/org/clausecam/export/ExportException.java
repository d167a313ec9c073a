package org.clausecam.export;

/** An export that could not be written: a blob the store no longer has, an output that cannot be written. */
public final class ExportException extends Exception {

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
