package org.clausecam.track;

/** A version not recorded because it looks like a broken capture rather than new terms text. */
public final class SuspiciousVersionException extends Exception {
    private static final long serialVersionUID = 1L;

    SuspiciousVersionException(String message) {
        super(message);
    }
}
