package org.clausecam.store;

import java.time.Instant;

/** One object of a store as a listing shows it: key relative to the store's root, size, last write. */
record StoredObject(String key, long size, Instant lastModified) {
}
