package org.clausecam.store;

/** A store URI that names no store this program can open: bad usage, not a storage failure. */
public class StoreUriException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreUriException(String message) { super(message); }
    public StoreUriException(String message, Throwable cause) { super(message, cause); }
}
