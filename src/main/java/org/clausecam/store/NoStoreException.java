package org.clausecam.store;

/**
 * The URI names a folder or prefix that holds no store (a mistyped path or prefix, an unmounted
 * volume, a bucket that does not exist). Reading it would report an empty, "consistent" store,
 * and writing to it would silently start a new history, so both stop here.
 */
public class NoStoreException extends StoreUnavailableException {
    private static final long serialVersionUID = 1L;

    public NoStoreException(String message) { super(message, null); }
    public NoStoreException(String message, Throwable cause) { super(message, cause); }
}
