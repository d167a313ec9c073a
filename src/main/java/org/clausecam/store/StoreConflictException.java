package org.clausecam.store;

/**
 * An append that lost a race or was built on a stale latest record: its {@code previous} is not
 * the hash of the current latest record, or another writer took its place in the chain first.
 * Nothing was written; re-read the latest record and build the record again.
 */
public class StoreConflictException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreConflictException(String message) { super(message); }
}
