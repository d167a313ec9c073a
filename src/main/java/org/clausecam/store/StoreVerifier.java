package org.clausecam.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Proves a store whole: every record parses and sits at the key it claims, every blob a record
 * names exists and hashes to its name, every terms' records form an unbroken hash chain from
 * record 1, and every head points at its terms' newest record. Debris of crashes (orphan blobs,
 * stale heads, temporary files) is reported as harmless and can be pruned.
 */
public final class StoreVerifier {

    /** Orphans younger than this may belong to a capture still being written: {@link #prune} keeps them. */
    public static final Duration DEFAULT_PRUNE_GRACE = Duration.ofHours(1);

    private final LayoutStore store;

    public StoreVerifier(LayoutStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public VerificationReport verify() throws StoreException {
        List<Finding> findings = new ArrayList<>();
        Map<String, StoredObject> blobs = new HashMap<>();
        for (StoredObject o : store.listObjects(StoreLayout.BLOBS)) {
            String hash = StoreLayout.blobHash(o.key());
            if (hash == null) findings.add(new Finding(Finding.Kind.UNKNOWN_OBJECT, o.key(), "not a blob key of the layout"));
            else blobs.put(hash, o);
        }

        Map<TermsKey, TreeMap<Long, StoredObject>> histories = new TreeMap<>(
                java.util.Comparator.comparing(TermsKey::service).thenComparing(TermsKey::termsType));
        for (StoredObject o : store.listObjects(StoreLayout.RECORDS)) {
            String[] parts = o.key().split("/", -1);
            OptionalLong seq = parts.length == 4 ? StoreLayout.recordSequence(parts[3]) : OptionalLong.empty();
            if (seq.isEmpty()) {
                findings.add(new Finding(Finding.Kind.UNKNOWN_OBJECT, o.key(), "not a record key of the layout"));
                continue;
            }
            histories.computeIfAbsent(new TermsKey(parts[1], parts[2]), t -> new TreeMap<>()).put(seq.getAsLong(), o);
        }

        Set<String> referenced = new HashSet<>();
        Set<String> checkedBlobs = new HashSet<>();
        int records = 0;
        for (Map.Entry<TermsKey, TreeMap<Long, StoredObject>> history : histories.entrySet()) {
            TermsKey terms = history.getKey();
            long expected = 1;
            String previousHash = null;
            for (Map.Entry<Long, StoredObject> entry : history.getValue().entrySet()) {
                long seq = entry.getKey();
                String key = entry.getValue().key();
                Optional<byte[]> bytes = store.readObject(key);
                if (bytes.isEmpty()) continue; // deleted since the listing: the next verify sees the gap
                records++;
                String hash = Sha256.hex(bytes.get());
                if (seq != expected) {
                    findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, key, seq - expected == 1
                            ? "record " + expected + " of " + LayoutStore.label(terms) + " is missing"
                            : "records " + expected + " to " + (seq - 1) + " of " + LayoutStore.label(terms) + " are missing"));
                    previousHash = null;
                }
                try {
                    StoredRecord r = store.load(terms, seq, bytes.get());
                    boolean chainCheckable = seq == expected;
                    if (chainCheckable && !Objects.equals(r.record().previous(), previousHash)) {
                        findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, key, "record " + seq + " of " + LayoutStore.label(terms)
                                + " names previous " + r.record().previous() + ", but "
                                + (previousHash == null ? "it is the first record" : "record " + (seq - 1) + " hashes to " + previousHash)));
                    }
                    for (String blob : LayoutStore.blobsNamedBy(r.record())) {
                        referenced.add(blob);
                        checkBlob(blob, key, blobs, checkedBlobs, findings);
                    }
                } catch (StoreException e) {
                    findings.add(new Finding(Finding.Kind.MALFORMED_RECORD, key, e.getMessage()));
                }
                previousHash = hash;
                expected = seq + 1;
            }
        }

        checkHeads(histories, findings);

        for (Map.Entry<String, StoredObject> blob : blobs.entrySet()) {
            if (!referenced.contains(blob.getKey())) {
                findings.add(new Finding(Finding.Kind.ORPHAN_BLOB, blob.getValue().key(), "no record names this blob"));
            }
        }
        for (StoredObject leftover : store.leftovers()) {
            findings.add(new Finding(Finding.Kind.LEFTOVER, leftover.key(), "temporary file of an interrupted write"));
        }
        return new VerificationReport(store.describe(), histories.size(), records, blobs.size(), findings);
    }

    private void checkBlob(String blob, String recordKey, Map<String, StoredObject> blobs, Set<String> checked,
                           List<Finding> findings) throws StoreException {
        if (!checked.add(blob)) return;
        String blobKey = StoreLayout.blobKey(blob);
        if (!blobs.containsKey(blob)) {
            findings.add(new Finding(Finding.Kind.MISSING_BLOB, blobKey, "named by " + recordKey + " but missing"));
            return;
        }
        Optional<byte[]> content = store.readObject(blobKey);
        if (content.isEmpty()) {
            findings.add(new Finding(Finding.Kind.MISSING_BLOB, blobKey, "named by " + recordKey + " but missing"));
        } else if (!Sha256.hex(content.get()).equals(blob)) {
            findings.add(new Finding(Finding.Kind.CORRUPT_BLOB, blobKey, "content hashes to " + Sha256.hex(content.get())
                    + ", not to its name (named by " + recordKey + ")"));
        }
    }

    private void checkHeads(Map<TermsKey, TreeMap<Long, StoredObject>> histories, List<Finding> findings) throws StoreException {
        Set<TermsKey> withHead = new HashSet<>();
        for (StoredObject o : store.listObjects(StoreLayout.HEADS)) {
            String[] parts = o.key().split("/", -1);
            if (parts.length != 3 || !parts[2].endsWith(StoreLayout.JSON) || parts[2].length() == StoreLayout.JSON.length()) {
                findings.add(new Finding(Finding.Kind.UNKNOWN_OBJECT, o.key(), "not a head key of the layout"));
                continue;
            }
            TermsKey terms = new TermsKey(parts[1], parts[2].substring(0, parts[2].length() - StoreLayout.JSON.length()));
            withHead.add(terms);
            TreeMap<Long, StoredObject> history = histories.get(terms);
            Optional<byte[]> headBytes = store.readObject(o.key());
            if (headBytes.isEmpty()) continue; // deleted since the listing
            Optional<RecordCodec.Head> readable = LayoutStore.readableHead(headBytes.get(), o.key(), terms);
            if (readable.isEmpty()) {
                // Heads are written atomically, so no crash leaves one unreadable; and the head is the
                // only witness of its newest record's bytes.
                findings.add(new Finding(Finding.Kind.BAD_HEAD, o.key(), history == null ? "unreadable, and its terms has no record"
                        : "unreadable, so nothing witnesses the newest record (" + history.lastKey() + "); appends to this terms stop"));
                continue;
            }
            RecordCodec.Head head = readable.get();
            if (history == null || !history.containsKey(head.sequence())) {
                findings.add(new Finding(Finding.Kind.BAD_HEAD, o.key(), "names record " + head.recordKey() + ", which is missing"));
                continue;
            }
            Optional<byte[]> named = store.readObject(head.recordKey());
            if (named.isPresent() && !Sha256.hex(named.get()).equals(head.sha256())) {
                findings.add(new Finding(Finding.Kind.BAD_HEAD, o.key(), "record " + head.recordKey()
                        + " hashes to " + Sha256.hex(named.get()) + ", not to the " + head.sha256() + " its head recorded: it was altered"));
            } else if (head.sequence() < history.lastKey()) {
                findings.add(new Finding(Finding.Kind.STALE_HEAD, o.key(), "names record " + head.sequence()
                        + " but the newest is " + history.lastKey()));
            }
        }
        for (TermsKey terms : histories.keySet()) {
            if (withHead.contains(terms)) continue;
            long newest = histories.get(terms).lastKey();
            if (newest == 1) {
                findings.add(new Finding(Finding.Kind.STALE_HEAD, StoreLayout.headKey(terms), "missing; the newest record is 1"));
            } else {
                // Only a crash between a terms' first record and its first head leaves a head missing.
                findings.add(new Finding(Finding.Kind.BAD_HEAD, StoreLayout.headKey(terms), "missing although the terms has "
                        + newest + " records, so nothing witnesses the newest; appends to this terms stop"));
            }
        }
    }

    /**
     * Removes the harmless debris a report found: orphan blobs and temporary files last written
     * more than {@code grace} ago (younger ones may belong to a capture in progress), and heads
     * that lag behind their newest record are rewritten. Objects outside the layout are kept.
     *
     * @return one line per action taken
     */
    public List<String> prune(VerificationReport report, Duration grace) throws StoreException {
        if (!report.consistent()) {
            throw new StoreException(store.describe() + ": not pruning: the store has " + report.inconsistencies().size()
                    + " inconsistencies, and its debris may be the evidence of what happened");
        }
        Instant cutoff = Instant.now().minus(grace);
        // Read again now, from every record that parses wherever it sits: a record written since the
        // report, or one moved to the wrong key, still protects its blobs.
        Set<String> named = blobsNamedByAnyRecord();
        Map<String, StoredObject> objects = new HashMap<>();
        for (StoredObject o : store.listObjects(StoreLayout.BLOBS)) objects.put(o.key(), o);
        for (StoredObject o : store.leftovers()) objects.put(o.key(), o);
        List<String> done = new ArrayList<>();
        for (Finding f : report.findings()) {
            switch (f.kind()) {
                case ORPHAN_BLOB, LEFTOVER -> {
                    StoredObject o = objects.get(f.key());
                    String hash = StoreLayout.blobHash(f.key());
                    if (hash != null && named.contains(hash)) {
                        done.add("kept " + f.key() + " (a record names it)");
                    } else if (o != null && o.lastModified().isBefore(cutoff)) {
                        store.deleteObject(f.key());
                        done.add("removed " + f.key());
                    } else if (o != null) {
                        done.add("kept " + f.key() + " (written less than " + grace + " ago)");
                    }
                }
                case STALE_HEAD -> {
                    String[] parts = f.key().split("/", -1);
                    TermsKey terms = new TermsKey(parts[1], parts[2].substring(0, parts[2].length() - StoreLayout.JSON.length()));
                    // Only a head whose newest record is still witnessed is rewritten: never one that would
                    // make an altered record look genuine.
                    WitnessedTip tip = WitnessedTip.of(store, terms);
                    if (tip.sequence() > 0) {
                        String recordKey = StoreLayout.recordKey(terms, tip.sequence());
                        store.replace(f.key(), RecordCodec.encodeHead(new RecordCodec.Head(tip.sequence(), recordKey, tip.sha256())));
                        done.add("repaired " + f.key() + " (now record " + tip.sequence() + ")");
                    }
                }
                default -> {
                }
            }
        }
        return done;
    }

    private Set<String> blobsNamedByAnyRecord() throws StoreException {
        Set<String> named = new HashSet<>();
        for (StoredObject o : store.listObjects(StoreLayout.RECORDS)) {
            Optional<byte[]> bytes = store.readObject(o.key());
            if (bytes.isEmpty()) continue;
            try {
                named.addAll(LayoutStore.blobsNamedBy(RecordCodec.decode(bytes.get(), o.key()).record()));
            } catch (StoreException doesNotParse) {
                // A record that does not parse names nothing we can read; verify reports it.
                continue;
            }
        }
        return named;
    }
}
