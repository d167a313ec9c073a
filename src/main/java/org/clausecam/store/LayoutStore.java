package org.clausecam.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Store} in the layout of {@code docs/storage.md}, over a backend that only knows keys
 * and bytes. Everything about ordering, hash chains and crash repair lives here, once, so that
 * {@code file:} and {@code s3://} behave the same.
 *
 * <p>The rule that makes every instant crash-safe: blobs, then the record (created, never
 * overwritten, at the key of its sequence number), then the head. The head is only a hint: the
 * latest record is the head's record or, when a crash came between record and head, the
 * records that follow it, found by probing the next sequence numbers. So a stale head costs one
 * extra existence check, never a wrong answer.
 */
public abstract sealed class LayoutStore implements Store permits FileStore, S3Store {

    private final AtomicLong bytesWritten = new AtomicLong();

    // ---- the backend: keys are relative to the store's root -------------------------------

    /** The object's bytes, or empty if there is no such object. */
    abstract Optional<byte[]> readObject(String key) throws StoreException;

    abstract boolean objectExists(String key) throws StoreException;

    /** Creates the object atomically unless it exists; false (and nothing written) if it does. */
    abstract boolean createObject(String key, byte[] content) throws StoreException;

    /** Writes the object atomically, replacing any previous content. */
    abstract void replaceObject(String key, byte[] content) throws StoreException;

    /** Every object whose key starts with {@code prefix}, in ascending key order. */
    abstract List<StoredObject> listObjects(String prefix) throws StoreException;

    /** The names one level below {@code prefix} (which ends with '/') that have objects under them. */
    abstract List<String> listChildren(String prefix) throws StoreException;

    abstract void deleteObject(String key) throws StoreException;

    /** Debris of interrupted writes that is not part of the layout (temporary files); harmless. */
    List<StoredObject> leftovers() throws StoreException {
        return List.of();
    }

    // ---- Store ------------------------------------------------------------------------------

    /** Bytes this instance has written to the store (objects created or replaced), for measurements. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    @Override
    public String putBlob(byte[] content) throws StoreException {
        Objects.requireNonNull(content, "content");
        String hash = Sha256.hex(content);
        String key = StoreLayout.blobKey(hash);
        // Content-addressed: if it is there it is this content, so no byte is rewritten.
        if (!objectExists(key)) create(key, content);
        return hash;
    }

    @Override
    public boolean hasBlob(String sha256) throws StoreException {
        return objectExists(StoreLayout.blobKey(Sha256.requireHash("blob hash", sha256)));
    }

    @Override
    public byte[] getBlob(String sha256) throws StoreException {
        String key = StoreLayout.blobKey(Sha256.requireHash("blob hash", sha256));
        byte[] content = readObject(key).orElseThrow(() -> new UnreadableBlobException(describe() + ": blob " + sha256
                + " is missing (" + key + ")", sha256, false));
        String actual = Sha256.hex(content);
        if (!actual.equals(sha256)) {
            throw new UnreadableBlobException(describe() + ": blob " + key + " is corrupt: its content hashes to " + actual, sha256, true);
        }
        return content;
    }

    @Override
    public StoredRecord append(CaptureRecord record) throws StoreException {
        TermsKey terms = requireWellFormed(record);
        for (String blob : blobsNamedBy(record)) {
            if (!objectExists(StoreLayout.blobKey(blob))) {
                throw new StoreException(describe() + ": record of " + label(terms) + " names blob " + blob
                        + ", which is not in the store (blobs must be stored before the record that names them)");
            }
        }
        // Checked against its head and chain: appending after an altered record would launder it.
        WitnessedTip witnessed = WitnessedTip.of(this, terms);
        long tip = witnessed.sequence();
        String latestHash = witnessed.sha256();
        if (witnessed.headMissing()) {
            // A crash kept the first record's head from being written. It is written now, before any
            // second record: a crash after that record would otherwise leave two records and no head,
            // which no one could tell from a deleted head.
            replace(StoreLayout.headKey(terms), RecordCodec.encodeHead(new RecordCodec.Head(tip, StoreLayout.recordKey(terms, tip), latestHash)));
        }
        if (!Objects.equals(record.previous(), latestHash)) {
            throw new StoreConflictException(describe() + ": record of " + label(terms) + " names previous "
                    + record.previous() + ", but the latest record (" + (tip == 0 ? "none" : "id " + tip) + ") is "
                    + latestHash + "; nothing was written");
        }
        long sequence = tip + 1;
        byte[] bytes = RecordCodec.encode(record, sequence);
        String hash = Sha256.hex(bytes);
        String key = StoreLayout.recordKey(terms, sequence);
        if (!create(key, bytes)) {
            throw new StoreConflictException(describe() + ": another writer appended record " + sequence + " of "
                    + label(terms) + " first (" + key + "); nothing was written");
        }
        try {
            replace(StoreLayout.headKey(terms), RecordCodec.encodeHead(new RecordCodec.Head(sequence, key, hash)));
        } catch (StoreException e) {
            throw new StoreException(describe() + ": record " + key + " is stored but its head "
                    + StoreLayout.headKey(terms) + " could not be updated; the next read or append finds the record anyway", e);
        }
        return new StoredRecord(StoreLayout.id(sequence), hash, record);
    }

    @Override
    public Optional<StoredRecord> latest(TermsKey terms) throws StoreException {
        StoreNames.requireTerms(terms);
        long tip = tipSequence(terms);
        return tip == 0 ? Optional.empty() : Optional.of(load(terms, tip, readRecordBytes(terms, tip)));
    }

    @Override
    public List<StoredRecord> history(TermsKey terms, String after, int limit) throws StoreException {
        StoreNames.requireTerms(terms);
        if (limit < 1) throw new IllegalArgumentException("limit must be positive: " + limit);
        long start;
        if (after == null) {
            start = tipSequence(terms);
        } else {
            OptionalLong seq = StoreLayout.sequenceOfId(after);
            if (seq.isEmpty()) throw new StoreException(describe() + ": \"" + after + "\" is not a record id of " + label(terms));
            start = seq.getAsLong() - 1;
        }
        List<StoredRecord> page = new ArrayList<>(Math.min(limit, 1000));
        // Sequence numbers are dense, so a page is read directly, without listing the history.
        for (long s = start; s >= 1 && page.size() < limit; s--) {
            Optional<byte[]> bytes = readObject(StoreLayout.recordKey(terms, s));
            if (bytes.isPresent()) page.add(load(terms, s, bytes.get()));
        }
        return page;
    }

    @Override
    public Optional<StoredRecord> record(TermsKey terms, String id) throws StoreException {
        StoreNames.requireTerms(terms);
        OptionalLong seq = StoreLayout.sequenceOfId(id);
        if (seq.isEmpty()) return Optional.empty();
        Optional<byte[]> bytes = readObject(StoreLayout.recordKey(terms, seq.getAsLong()));
        return bytes.isEmpty() ? Optional.empty() : Optional.of(load(terms, seq.getAsLong(), bytes.get()));
    }

    @Override
    public List<TermsKey> terms() throws StoreException {
        List<TermsKey> all = new ArrayList<>();
        for (String service : listChildren(StoreLayout.RECORDS)) {
            for (String type : listChildren(StoreLayout.RECORDS + service + "/")) {
                all.add(new TermsKey(service, type));
            }
        }
        return all;
    }

    @Override
    public String putRunSummary(String name, byte[] json) throws StoreException {
        String key = StoreLayout.runSummaryKey(name);
        if (!create(key, Objects.requireNonNull(json, "json"))) {
            throw new StoreConflictException(describe() + ": a run summary " + key + " is already there; nothing was written");
        }
        return key;
    }

    // ---- the store itself ---------------------------------------------------------------------

    /**
     * Whether a store is here: its marker, or (for stores made before the marker existed) any
     * record, head or blob. An empty folder or prefix is no store.
     */
    public boolean holdsStore() throws StoreException {
        return objectExists(StoreLayout.MARKER) || !listChildren(StoreLayout.RECORDS).isEmpty()
                || !listChildren(StoreLayout.HEADS).isEmpty() || !listChildren(StoreLayout.BLOBS).isEmpty();
    }

    /** Fails with a {@link NoStoreException} unless a store is here. */
    public void requireStore() throws StoreException {
        if (!holdsStore()) {
            throw new NoStoreException("no store at " + describe() + " (nothing of a store there: no " + StoreLayout.MARKER
                    + ", no records, no heads); check --store, or run clausecam track to create one");
        }
    }

    /** Writes the marker that makes this folder or prefix a store, unless it is there. */
    void markAsStore() throws StoreException {
        if (!objectExists(StoreLayout.MARKER)) create(StoreLayout.MARKER, RecordCodec.encodeMarker(Instant.now()));
    }

    /**
     * Proves that this process can write here, before any work is done rather than after every
     * capture: writes the marker if it is missing (stores made by earlier versions), then a probe
     * write of the backend's choosing.
     */
    void requireWritable() throws StoreException {
        try {
            markAsStore();
            probeWrite();
        } catch (StoreNotWritableException | NoStoreException e) {
            throw e;
        } catch (StoreException e) {
            throw notWritable(e);
        }
    }

    /** One write that leaves the store as it was. */
    abstract void probeWrite() throws StoreException;

    /** A failed probe or marker write turned into advice on what to change; a storage outage stays what it is. */
    abstract StoreException notWritable(StoreException writeFailure);

    // ---- the chain --------------------------------------------------------------------------

    /**
     * The sequence number of the latest record, 0 if none. Reads the head, then probes the next
     * sequence numbers: records written by a writer that stopped before its head are found.
     */
    long tipSequence(TermsKey terms) throws StoreException {
        String headKey = StoreLayout.headKey(terms);
        long sequence = 0;
        Optional<byte[]> head = readObject(headKey);
        if (head.isPresent()) {
            Optional<RecordCodec.Head> h = readableHead(head.get(), headKey, terms);
            // An unreadable head is only a lost hint: the newest record is found by listing
            // (newest first), a rare path; verify reports the head and the next append rewrites it.
            sequence = h.isPresent() ? h.get().sequence() : newestListed(terms);
        }
        while (sequence < StoreLayout.MAX_SEQUENCE && objectExists(StoreLayout.recordKey(terms, sequence + 1))) {
            sequence++;
        }
        return sequence;
    }

    /** The head, or empty if it does not parse or names a key that is not its record's. */
    static Optional<RecordCodec.Head> readableHead(byte[] bytes, String headKey, TermsKey terms) {
        try {
            RecordCodec.Head h = RecordCodec.decodeHead(bytes, headKey);
            return h.recordKey().equals(StoreLayout.recordKey(terms, h.sequence())) ? Optional.of(h) : Optional.empty();
        } catch (StoreException malformed) {
            return Optional.empty();
        }
    }

    long newestListed(TermsKey terms) throws StoreException {
        for (StoredObject o : listObjects(StoreLayout.recordsPrefix(terms))) {
            OptionalLong seq = StoreLayout.recordSequence(o.key().substring(o.key().lastIndexOf('/') + 1));
            if (seq.isPresent()) return seq.getAsLong();
        }
        return 0;
    }

    private byte[] readRecordBytes(TermsKey terms, long sequence) throws StoreException {
        String key = StoreLayout.recordKey(terms, sequence);
        return readObject(key).orElseThrow(() -> new StoreException(describe() + ": record " + key + " of "
                + label(terms) + " is named by its head but missing; run verify"));
    }

    StoredRecord load(TermsKey terms, long sequence, byte[] bytes) throws StoreException {
        String key = StoreLayout.recordKey(terms, sequence);
        RecordCodec.Decoded d = RecordCodec.decode(bytes, describe() + ": " + key);
        if (d.sequence() != sequence || !d.record().service().equals(terms.service())
                || !d.record().termsType().equals(terms.termsType())) {
            throw new StoreException(describe() + ": record " + key + " says it is record " + d.sequence() + " of "
                    + d.record().service() + " / " + d.record().termsType() + "; it was moved or altered");
        }
        return new StoredRecord(StoreLayout.id(sequence), Sha256.hex(bytes), d.record());
    }

    private TermsKey requireWellFormed(CaptureRecord r) throws StoreException {
        if (r == null) throw new StoreException("record is missing");
        TermsKey terms = new TermsKey(r.service(), r.termsType());
        StoreNames.requireTerms(terms);
        String where = "record of " + label(terms) + ": ";
        if (r.fetchDate() == null) throw new StoreException(where + "fetch date is missing");
        if (r.kind() == null || r.kind().isBlank()) throw new StoreException(where + "kind is missing");
        Sha256.requireHash(where + "version", r.version());
        if (r.previous() != null) Sha256.requireHash(where + "previous", r.previous());
        if (r.declaration() != null) Sha256.requireHash(where + "declaration", r.declaration());
        for (DocumentCapture d : r.documents()) {
            Sha256.requireHash(where + "snapshot of " + d.requested(), d.snapshot());
            if (d.screenshot() != null) Sha256.requireHash(where + "screenshot of " + d.requested(), d.screenshot());
        }
        return terms;
    }

    /** Every blob a record names, each once. */
    static Set<String> blobsNamedBy(CaptureRecord r) {
        Set<String> blobs = new LinkedHashSet<>();
        for (DocumentCapture d : r.documents()) {
            if (d.snapshot() != null) blobs.add(d.snapshot());
            if (d.screenshot() != null) blobs.add(d.screenshot());
            d.resources().forEach(resource -> blobs.add(resource.body()));
        }
        if (r.version() != null) blobs.add(r.version());
        if (r.declaration() != null) blobs.add(r.declaration());
        return blobs;
    }

    static String label(TermsKey terms) {
        return terms.service() + " / " + terms.termsType();
    }

    boolean create(String key, byte[] content) throws StoreException {
        boolean created = createObject(key, content);
        if (created) bytesWritten.addAndGet(content.length);
        return created;
    }

    void replace(String key, byte[] content) throws StoreException {
        replaceObject(key, content);
        bytesWritten.addAndGet(content.length);
    }
}
