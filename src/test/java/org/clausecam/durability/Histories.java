package org.clausecam.durability;

import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads whole histories through the public {@link Store} API and checks what a history promises. */
final class Histories {

    private Histories() {
    }

    /** Every record of a terms, oldest first, read page by page the way {@code history} does. */
    static List<StoredRecord> oldestFirst(Store store, TermsKey terms) throws StoreException {
        List<StoredRecord> newestFirst = new ArrayList<>();
        String after = null;
        while (true) {
            List<StoredRecord> page = store.history(terms, after, 50);
            if (page.isEmpty()) break;
            newestFirst.addAll(page);
            after = page.get(page.size() - 1).id();
        }
        List<StoredRecord> all = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(all);
        return all;
    }

    /**
     * The problems of one terms' history, none when it is whole: ids 1, 2, 3… without a gap,
     * each record naming the hash of the one before (the first naming none), each saying
     * "changed" exactly when its version differs from the one before, and the latest record
     * being the last of the history.
     */
    static List<String> problems(Store store, TermsKey terms) throws StoreException {
        List<String> problems = new ArrayList<>();
        List<StoredRecord> all = oldestFirst(store, terms);
        String label = terms.service() + " / " + terms.termsType();
        if (all.isEmpty()) return List.of(label + ": no records");
        StoredRecord before = null;
        for (int i = 0; i < all.size(); i++) {
            StoredRecord r = all.get(i);
            if (!r.id().equals(Integer.toString(i + 1))) problems.add(label + ": record " + (i + 1) + " has id " + r.id());
            String expectedPrevious = before == null ? null : before.sha256();
            if (!Objects.equals(r.record().previous(), expectedPrevious)) {
                problems.add(label + ": record " + r.id() + " names previous " + r.record().previous() + ", expected " + expectedPrevious);
            }
            boolean changed = before == null || !before.record().version().equals(r.record().version());
            // A technical change is a new version that is not a change of the terms.
            if (r.record().changed() != changed && !(changed && r.record().technical())) {
                problems.add(label + ": record " + r.id() + " says changed=" + r.record().changed() + " but its version "
                        + (changed ? "differs from" : "equals") + " the previous one");
            }
            before = r;
        }
        StoredRecord latest = store.latest(terms).orElse(null);
        if (latest == null || !latest.id().equals(before.id()) || !latest.sha256().equals(before.sha256())) {
            problems.add(label + ": latest() is " + (latest == null ? "none" : "record " + latest.id()) + " but the history ends at " + before.id());
        }
        return problems;
    }
}
