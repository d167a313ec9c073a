package org.clausecam.store;

/** A store operation that failed; the message names the store and the key involved. */
public class StoreException extends Exception {
    public StoreException(String message) { super(message); }
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
