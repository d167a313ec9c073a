package org.clausecam.store;

import java.util.List;
import java.util.Optional;

/**
 * Where captures are kept: content-addressed immutable blobs and one immutable record per
 * capture of a terms. Callers never see the layout; {@code file:} and {@code s3://} backends
 * share the one documented in {@code docs/storage.md}.
 *
 * <p>Writes are ordered for crash safety: blobs first, then the record, then the pointer that
 * makes it the latest. Implementations are safe for use from several threads.
 */
public interface Store extends AutoCloseable {

    /** Stores content under its SHA-256 and returns that hash (hex). Storing it again is harmless. */
    String putBlob(byte[] content) throws StoreException;

    boolean hasBlob(String sha256) throws StoreException;

    /**
     * The blob's bytes.
     *
     * @throws UnreadableBlobException the blob is missing or its bytes do not hash to its name
     */
    byte[] getBlob(String sha256) throws StoreException;

    /**
     * Appends a record to its terms' history and makes it the latest. Its {@code previous} must be
     * the hash of the current latest record (or {@code null} for the first), else a
     * {@link StoreException} is thrown and nothing is written.
     */
    StoredRecord append(CaptureRecord record) throws StoreException;

    /** The latest record of a terms, at a cost that does not grow with its history. */
    Optional<StoredRecord> latest(TermsKey terms) throws StoreException;

    /** Up to {@code limit} records of a terms, newest first, starting after record id {@code after} (null: from the newest). */
    List<StoredRecord> history(TermsKey terms, String after, int limit) throws StoreException;

    Optional<StoredRecord> record(TermsKey terms, String id) throws StoreException;

    /**
     * The newest page capture of a terms recorded before record id {@code after} (null: the
     * newest of all), e-mail evidence passed over: what a version is compared with. Reads the
     * history a page at a time, so a recent capture costs one read.
     */
    default Optional<StoredRecord> captureBefore(TermsKey terms, String after) throws StoreException {
        final int page = 100;
        while (true) {
            List<StoredRecord> records = history(terms, after, page);
            for (StoredRecord r : records) {
                if (CaptureRecord.KIND_CAPTURE.equals(r.record().kind())) return Optional.of(r);
            }
            if (records.size() < page) return Optional.empty();
            after = records.get(records.size() - 1).id();
        }
    }

    /** Every terms that has at least one record. */
    List<TermsKey> terms() throws StoreException;

    /**
     * Keeps a tracking run's summary (JSON) under {@code runs/NAME}, created, never overwritten.
     * Summaries are read by schedulers and people, never by the histories: {@code verify} and
     * {@code store-copy} leave them alone. Returns the key written.
     *
     * @param name a file name: letters, digits, {@code . _ -}, ending in {@code .json}, not starting with {@code .}
     * @throws StoreConflictException a summary of that name is already there (nothing written)
     */
    String putRunSummary(String name, byte[] json) throws StoreException;

    /** A description safe to print: no credentials. */
    String describe();

    @Override
    void close() throws StoreException;
}
