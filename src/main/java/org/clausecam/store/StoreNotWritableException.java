package org.clausecam.store;

/**
 * The store exists but this process cannot write to it (a bind mount owned by another user,
 * a read-only file system, credentials without {@code s3:PutObject}). Found by a probe write
 * when a writing command opens the store, before any capture is made and thrown away.
 */
public class StoreNotWritableException extends StoreUnavailableException {
    private static final long serialVersionUID = 1L;

    public StoreNotWritableException(String message, Throwable cause) { super(message, cause); }
}
