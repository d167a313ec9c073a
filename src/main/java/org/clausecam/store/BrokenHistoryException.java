package org.clausecam.store;

/**
 * The newest record of a terms is not what its head and its hash chain say: it was altered,
 * removed, or its head (its only witness) was removed or damaged. Appending after it would make
 * the altered record look genuine — the next record would cite its hash — so nothing is written
 * until someone looks ({@code clausecam verify}, docs/storage.md "Recovering a store").
 */
public class BrokenHistoryException extends StoreException {
    private static final long serialVersionUID = 1L;

    public BrokenHistoryException(String message) { super(message); }
    public BrokenHistoryException(String message, Throwable cause) { super(message, cause); }
}
