package org.clausecam.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The newest record of a terms, checked against its witnesses before anything is appended after
 * it: the head (which recorded the record's hash when it was written) and the hash chain. A
 * record appended after an altered one would cite the altered bytes and make them look genuine,
 * so an append starts from here and stops with a {@link BrokenHistoryException} when:
 * <ul>
 *   <li>the head does not parse, or names a record that is missing or whose bytes no longer hash
 *       to what the head recorded;</li>
 *   <li>the head is missing although the terms has more than one record (a crash leaves a head
 *       missing only between its terms' first record and first head);</li>
 *   <li>a record after the head's (left by a crash before its head) or the newest record does not
 *       parse, or does not cite the hash of the record before it.</li>
 * </ul>
 *
 * @param sequence    the newest record's sequence number, 0 when the terms has none
 * @param sha256      the SHA-256 of its stored bytes, null when there is none
 * @param headMissing whether the terms has a record but no head (a crash before its first head)
 */
record WitnessedTip(long sequence, String sha256, boolean headMissing) {

    static WitnessedTip of(LayoutStore store, TermsKey terms) throws StoreException {
        String headKey = StoreLayout.headKey(terms);
        Optional<byte[]> headBytes = store.readObject(headKey);
        long witnessed = 0;
        String witnessedHash = null;
        if (headBytes.isPresent()) {
            RecordCodec.Head head = LayoutStore.readableHead(headBytes.get(), headKey, terms).orElseThrow(() -> broken(store, terms,
                    "its head " + headKey + " does not parse, so nothing witnesses its newest record"));
            witnessed = head.sequence();
            witnessedHash = head.sha256();
        } else {
            long listed = store.newestListed(terms);
            if (listed > 1) {
                throw broken(store, terms, "its head " + headKey + " is missing although it has " + listed
                        + " records, so nothing witnesses record " + listed + " (a crash leaves a head missing only before its first record's head)");
            }
        }
        long tip = witnessed;
        while (tip < StoreLayout.MAX_SEQUENCE && store.objectExists(StoreLayout.recordKey(terms, tip + 1))) tip++;
        if (tip == 0) return new WitnessedTip(0, null, false);
        if (headBytes.isEmpty() && tip > 1) {
            throw broken(store, terms, "its head " + headKey + " is missing although it has " + tip + " records");
        }

        long first = Math.max(1, witnessed == tip ? tip - 1 : witnessed);
        String previousHash = null;
        for (long s = first; s <= tip; s++) {
            String key = StoreLayout.recordKey(terms, s);
            byte[] bytes = store.readObject(key).orElseThrow(() -> broken(store, terms, "record " + key
                    + (headBytes.isPresent() ? " is named by its head but missing: a record was deleted" : " is missing")));
            String hash = Sha256.hex(bytes);
            if (s == witnessed && !hash.equals(witnessedHash)) {
                throw broken(store, terms, "record " + key + " hashes to " + hash + ", not to the " + witnessedHash
                        + " its head recorded: it was altered after it was written");
            }
            StoredRecord r;
            try {
                r = store.load(terms, s, bytes);
            } catch (StoreException malformed) {
                throw new BrokenHistoryException(prefix(store, terms) + "record " + key + " does not parse: " + malformed.getMessage()
                        + "; nothing was written", malformed);
            }
            boolean linkCheckable = s > first || s == 1;
            if (linkCheckable && !Objects.equals(r.record().previous(), previousHash)) {
                throw broken(store, terms, "record " + key + " names previous " + r.record().previous() + ", but "
                        + (previousHash == null ? "it is the first record" : "record " + (s - 1) + " hashes to " + previousHash)
                        + ": a record was altered or replaced");
            }
            previousHash = hash;
        }
        return new WitnessedTip(tip, previousHash, headBytes.isEmpty());
    }

    private static BrokenHistoryException broken(LayoutStore store, TermsKey terms, String what) {
        return new BrokenHistoryException(prefix(store, terms) + what + "; nothing was written. Run clausecam verify "
                + "(docs/storage.md, \"Recovering a store\")");
    }

    private static String prefix(LayoutStore store, TermsKey terms) {
        return store.describe() + ": history of " + LayoutStore.label(terms) + " cannot be extended: ";
    }
}
