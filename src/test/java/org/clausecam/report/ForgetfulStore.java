package org.clausecam.report;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A store that has lost some blobs: reading them fails as a damaged store's would. */
final class ForgetfulStore implements Store {

    private final Store store;
    private final Set<String> lost;

    ForgetfulStore(Store store, Set<String> lost) {
        this.store = store;
        this.lost = lost;
    }

    @Override public String putBlob(byte[] content) throws StoreException { return store.putBlob(content); }
    @Override public boolean hasBlob(String sha256) throws StoreException { return !lost.contains(sha256) && store.hasBlob(sha256); }
    @Override public byte[] getBlob(String sha256) throws StoreException {
        if (lost.contains(sha256)) throw new StoreException("blob " + sha256 + " is missing");
        return store.getBlob(sha256);
    }
    @Override public StoredRecord append(CaptureRecord record) throws StoreException { return store.append(record); }
    @Override public Optional<StoredRecord> latest(TermsKey terms) throws StoreException { return store.latest(terms); }
    @Override public List<StoredRecord> history(TermsKey terms, String after, int limit) throws StoreException { return store.history(terms, after, limit); }
    @Override public Optional<StoredRecord> record(TermsKey terms, String id) throws StoreException { return store.record(terms, id); }
    @Override public List<TermsKey> terms() throws StoreException { return store.terms(); }
    @Override public String putRunSummary(String name, byte[] json) throws StoreException { return store.putRunSummary(name, json); }
    @Override public String describe() { return "forgetful " + store.describe(); }
    @Override public void close() throws StoreException { store.close(); }
}
