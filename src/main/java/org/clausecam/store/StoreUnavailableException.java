package org.clausecam.store;

/**
 * The storage itself failed — an I/O error on disk, or a server unreachable or failing after
 * every retry — rather than one record or blob being wrong. Whatever comes next will most likely
 * fail the same way: a run should stop here and name the captures it could not store, instead
 * of waiting through the retries again for each one.
 */
public class StoreUnavailableException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) { super(message, cause); }
}
