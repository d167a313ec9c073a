package org.clausecam.store;

import java.util.OptionalLong;

/**
 * The keys of the documented layout ({@code docs/storage.md}), relative to the store's root
 * (a directory for {@code file:}, a key prefix for {@code s3://}).
 *
 * <pre>
 * blobs/sha256/ab/cd/abcd…                   content-addressed, immutable
 * records/SERVICE/TERMS TYPE/999999999998.json  one immutable record per capture; the name is
 *                                             999999999999 minus its sequence number, so an
 *                                             ascending listing is newest first
 * heads/SERVICE/TERMS TYPE.json               pointer to the latest record, written last
 * runs/20261204T060000Z-shard-0-of-3-ID.json   a tracking run's summary, for schedulers
 * </pre>
 */
final class StoreLayout {

    static final String BLOBS = "blobs/sha256/";
    static final String RECORDS = "records/";
    static final String HEADS = "heads/";
    /** Run summaries (JSON, one per run and shard); not part of any history. */
    static final String RUNS = "runs/";
    static final String JSON = ".json";
    /** At the store's root: what makes a folder or prefix a store (docs/storage.md, "What is a store"). */
    static final String MARKER = "clausecam-store.json";
    /** Probe writes at the root; a {@code .tmp-} name, so that one left by a crash is pruned like any temporary file. */
    static final String PROBE_PREFIX = ".tmp-probe-";

    /** Sequence numbers run from 1 to this; 12 digits keep every record name the same length. */
    static final long MAX_SEQUENCE = 999_999_999_999L;
    private static final int DIGITS = 12;

    private StoreLayout() {
    }

    static String blobKey(String sha256) {
        return BLOBS + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    /** The hash a blob key names, or null if the key is not a well-formed blob key. */
    static String blobHash(String key) {
        if (!key.startsWith(BLOBS)) return null;
        String hash = key.substring(key.lastIndexOf('/') + 1);
        return Sha256.isHash(hash) && key.equals(blobKey(hash)) ? hash : null;
    }

    static String recordsPrefix(TermsKey terms) {
        return RECORDS + terms.service() + "/" + terms.termsType() + "/";
    }

    static String recordKey(TermsKey terms, long sequence) {
        return recordsPrefix(terms) + recordName(sequence);
    }

    static String recordName(long sequence) {
        if (sequence < 1 || sequence > MAX_SEQUENCE) throw new IllegalArgumentException("sequence out of range: " + sequence);
        return String.format("%0" + DIGITS + "d", MAX_SEQUENCE - sequence) + JSON;
    }

    /** The sequence number a record file name stands for, if it is one. */
    static OptionalLong recordSequence(String name) {
        if (name.length() != DIGITS + JSON.length() || !name.endsWith(JSON)) return OptionalLong.empty();
        for (int i = 0; i < DIGITS; i++) {
            if (!Character.isDigit(name.charAt(i)) || name.charAt(i) > '9') return OptionalLong.empty();
        }
        long inverted = Long.parseLong(name.substring(0, DIGITS));
        long sequence = MAX_SEQUENCE - inverted;
        return sequence >= 1 ? OptionalLong.of(sequence) : OptionalLong.empty();
    }

    static String runSummaryKey(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}\\.json")) {
            throw new IllegalArgumentException("not a run summary name (letters, digits, . _ -, ending in .json): " + name);
        }
        return RUNS + name;
    }

    static String headKey(TermsKey terms) {
        return HEADS + terms.service() + "/" + terms.termsType() + JSON;
    }

    /** Record ids are the decimal sequence number: 1 for the first record of a terms. */
    static String id(long sequence) {
        return Long.toString(sequence);
    }

    static OptionalLong sequenceOfId(String id) {
        if (id == null || id.isEmpty() || id.length() > DIGITS) return OptionalLong.empty();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') return OptionalLong.empty();
        }
        long sequence = Long.parseLong(id);
        return sequence >= 1 && sequence <= MAX_SEQUENCE ? OptionalLong.of(sequence) : OptionalLong.empty();
    }
}
