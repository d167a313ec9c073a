package org.clausecam.store;

/**
 * One thing {@link StoreVerifier} found, about one key of the store.
 *
 * @param kind    what is wrong, and whether it matters
 * @param key     the key (relative to the store's root) it is about
 * @param message one line for people
 */
public record Finding(Kind kind, String key, String message) {

    public enum Kind {
        /** A record that does not parse, or whose content contradicts its key. */
        MALFORMED_RECORD(false),
        /** A blob named by a record is not in the store. */
        MISSING_BLOB(false),
        /** A blob's bytes do not hash to its name. */
        CORRUPT_BLOB(false),
        /** A record is missing from a history, or does not name its predecessor's hash. */
        BROKEN_CHAIN(false),
        /** A head that names a missing or altered record, or does not parse. */
        BAD_HEAD(false),
        /** A head behind the newest record, left by a crash between record and head; {@code --prune} (or the next append) repairs it. */
        STALE_HEAD(true),
        /** A blob no record names, left by a crash between blob and record; {@code --prune} removes it. */
        ORPHAN_BLOB(true),
        /** A temporary file of an interrupted write; {@code --prune} removes it. */
        LEFTOVER(true),
        /** An object outside the layout (not written by Clausecam); reported, never removed. */
        UNKNOWN_OBJECT(true);

        private final boolean harmless;

        Kind(boolean harmless) {
            this.harmless = harmless;
        }

        /** Harmless findings lose no capture and break no history. */
        public boolean harmless() {
            return harmless;
        }
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
