package org.clausecam.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Copies one store into another ({@code file:} to {@code s3://} and back), in the order that
 * keeps the target consistent at every instant: blobs, then each terms' records in chain order,
 * then heads. Records are copied byte for byte, so their hashes and the chains survive.
 * Running it again copies only what is new; a target whose history of a terms differs from the
 * source's is refused, never merged or overwritten.
 */
public final class StoreCopier {

    /** What a copy did. */
    public record Result(int blobsCopied, int blobsPresent, int recordsCopied, int recordsPresent, int headsWritten, long bytesWritten) {
    }

    private final LayoutStore from;
    private final LayoutStore to;

    public StoreCopier(LayoutStore from, LayoutStore to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    public Result copy() throws StoreException {
        long bytesBefore = to.bytesWritten();
        int blobsCopied = 0;
        int blobsPresent = 0;
        for (StoredObject o : from.listObjects(StoreLayout.BLOBS)) {
            String hash = StoreLayout.blobHash(o.key());
            if (hash == null) continue;
            if (to.objectExists(o.key())) {
                blobsPresent++;
                continue;
            }
            byte[] content = from.readObject(o.key()).orElseThrow(() -> vanished(o.key()));
            if (!Sha256.hex(content).equals(hash)) {
                throw new StoreException(from.describe() + ": blob " + o.key() + " is corrupt (its content hashes to "
                        + Sha256.hex(content) + "); run verify on the source before copying");
            }
            to.create(o.key(), content);
            blobsCopied++;
        }

        Map<TermsKey, TreeMap<Long, String>> histories = new TreeMap<>(
                Comparator.comparing(TermsKey::service).thenComparing(TermsKey::termsType));
        for (StoredObject o : from.listObjects(StoreLayout.RECORDS)) {
            String[] parts = o.key().split("/", -1);
            OptionalLong seq = parts.length == 4 ? StoreLayout.recordSequence(parts[3]) : OptionalLong.empty();
            if (seq.isPresent()) {
                histories.computeIfAbsent(new TermsKey(parts[1], parts[2]), t -> new TreeMap<>()).put(seq.getAsLong(), o.key());
            }
        }
        int recordsCopied = 0;
        int recordsPresent = 0;
        int headsWritten = 0;
        List<TermsKey> copiedTerms = new ArrayList<>(histories.keySet());
        for (TermsKey terms : copiedTerms) {
            StoreNames.requireTerms(terms);
            // Heads are not copied but re-made, so the source's are checked first: a copy must not turn an
            // altered newest record into a witnessed one.
            WitnessedTip.of(from, terms);
            String headKey = StoreLayout.headKey(terms);
            boolean headWritten = false;
            for (Map.Entry<Long, String> entry : histories.get(terms).entrySet()) {
                String key = entry.getValue();
                byte[] bytes = from.readObject(key).orElseThrow(() -> vanished(key));
                Optional<byte[]> existing = to.readObject(key);
                if (existing.isPresent()) {
                    if (!Arrays.equals(existing.get(), bytes)) {
                        throw new StoreException(to.describe() + ": " + key + " differs from " + from.describe()
                                + ": the target has its own history of " + LayoutStore.label(terms) + "; nothing of it was overwritten");
                    }
                    recordsPresent++;
                    continue;
                }
                CaptureRecord record = from.load(terms, entry.getKey(), bytes).record();
                for (String blob : LayoutStore.blobsNamedBy(record)) {
                    if (!to.objectExists(StoreLayout.blobKey(blob))) {
                        throw new StoreException(from.describe() + ": " + key + " names blob " + blob
                                + ", which the source does not have; run verify on the source");
                    }
                }
                if (!to.create(key, bytes)) {
                    throw new StoreException(to.describe() + ": " + key + " was created by another writer during the copy");
                }
                // The head follows each record, as after an append: a copy stopped at any instant leaves
                // every newest record witnessed (a missing head over two records is an inconsistency).
                to.replace(headKey, RecordCodec.encodeHead(new RecordCodec.Head(entry.getKey(), key, Sha256.hex(bytes))));
                headWritten = true;
                recordsCopied++;
            }
            WitnessedTip tip = WitnessedTip.of(to, terms);
            byte[] head = RecordCodec.encodeHead(new RecordCodec.Head(tip.sequence(), StoreLayout.recordKey(terms, tip.sequence()), tip.sha256()));
            if (!to.readObject(headKey).map(h -> Arrays.equals(h, head)).orElse(false)) {
                to.replace(headKey, head);
                headWritten = true;
            }
            if (headWritten) headsWritten++;
        }
        return new Result(blobsCopied, blobsPresent, recordsCopied, recordsPresent, headsWritten, to.bytesWritten() - bytesBefore);
    }

    private StoreException vanished(String key) {
        return new StoreException(from.describe() + ": " + key + " disappeared during the copy");
    }
}
