package org.clausecam.store;

/**
 * A store opened for writing.
 *
 * @param store   the store, checked writable
 * @param created true when this opening created it (no store was at the URI): a run says so, since
 *                a new store on a scheduled job usually means a volume that was not mounted
 */
public record OpenedStore(LayoutStore store, boolean created) {
}
