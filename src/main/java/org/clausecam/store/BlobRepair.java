package org.clausecam.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings back the blobs a store lost or holds damaged, without rewriting any record: a corrupt
 * blob's bytes are moved aside to {@code damaged/sha256/HASH-ACTUALHASH} (kept as evidence, outside
 * the layout that readers use), so that its key is free again; then each missing blob is copied in
 * from a replica (another store, e.g. one made by {@code store-copy}) when that holds the same
 * content. A blob no replica holds stays missing: the next capture of the same content stores it
 * again, since a writer only skips a blob whose key exists.
 */
public final class BlobRepair {

    static final String DAMAGED = "damaged/sha256/";

    private final LayoutStore store;

    public BlobRepair(LayoutStore store) {
        this.store = store;
    }

    /**
     * @param report  a fresh report of {@code store}
     * @param replica where lost blobs may be found, or null
     * @return one line per action taken or not possible
     */
    public List<String> repair(VerificationReport report, LayoutStore replica) throws StoreException {
        List<String> done = new ArrayList<>();
        for (Finding f : report.inconsistencies()) {
            String hash = StoreLayout.blobHash(f.key());
            if (f.kind() == Finding.Kind.CORRUPT_BLOB && hash != null) {
                moveAside(f.key(), hash, done);
                restore(f.key(), hash, replica, done);
            } else if (f.kind() == Finding.Kind.MISSING_BLOB && hash != null) {
                restore(f.key(), hash, replica, done);
            }
        }
        return done;
    }

    private void moveAside(String key, String hash, List<String> done) throws StoreException {
        Optional<byte[]> bytes = store.readObject(key);
        if (bytes.isEmpty()) return;
        String actual = Sha256.hex(bytes.get());
        if (actual.equals(hash)) return; // repaired by someone else since the report
        String aside = DAMAGED + hash + "-" + actual;
        store.create(aside, bytes.get());
        store.deleteObject(key);
        done.add("moved the damaged content of " + key + " to " + aside);
    }

    private void restore(String key, String hash, LayoutStore replica, List<String> done) throws StoreException {
        if (replica != null) {
            Optional<byte[]> copy = replica.readObject(key);
            if (copy.isPresent() && Sha256.hex(copy.get()).equals(hash)) {
                store.create(key, copy.get());
                done.add("restored " + key + " from " + replica.describe());
                return;
            }
        }
        done.add("still missing: " + key + (replica == null ? "" : " (not in " + replica.describe() + " either)")
                + "; the next capture of the same content stores it again");
    }
}
