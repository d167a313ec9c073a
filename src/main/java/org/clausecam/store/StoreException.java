package org.clausecam.store;

/** A store operation that failed; the message names the store and the key involved. */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) { super(message); }
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
