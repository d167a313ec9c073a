package org.clausecam.store;

/**
 * A record as the store holds it: its id (unique within its terms, sortable by date) and the
 * SHA-256 of its stored bytes, which the next record of the same terms names as {@code previous}.
 */
public record StoredRecord(String id, String sha256, CaptureRecord record) {
}
