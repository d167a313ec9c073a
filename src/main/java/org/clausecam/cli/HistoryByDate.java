package org.clausecam.cli;

import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The record ids of one terms ordered by date, newest first. The store keeps a history in the
 * order records were appended, which is not the order of their dates: e-mail evidence is dated
 * by its {@code Date} header, often long before the day it was recorded. Records with the same
 * date keep the store's order (the later appended first).
 *
 * <p>Ordering needs the date of every record, so the whole history is read once; only ids and
 * dates are kept, so memory stays small for long histories.
 */
final class HistoryByDate {

    /** Records read per store call while collecting dates. */
    private static final int READ_PAGE = 1000;

    private record Dated(String id, Instant date) {
    }

    private final List<Dated> newestFirst;

    private HistoryByDate(List<Dated> newestFirst) {
        this.newestFirst = newestFirst;
    }

    static HistoryByDate read(Store store, TermsKey key) throws StoreException {
        List<Dated> all = new ArrayList<>();
        String after = null;
        List<StoredRecord> page;
        do {
            page = store.history(key, after, READ_PAGE);
            for (StoredRecord r : page) all.add(new Dated(r.id(), r.record().fetchDate()));
            if (!page.isEmpty()) after = page.get(page.size() - 1).id();
        } while (page.size() == READ_PAGE);
        // List.sort is stable: equal dates keep the store's newest-appended-first order.
        all.sort(Comparator.comparing(Dated::date).reversed());
        return new HistoryByDate(all);
    }

    boolean isEmpty() {
        return newestFirst.isEmpty();
    }

    /**
     * Up to {@code limit} record ids, newest first by date, after record {@code after} in that
     * order (null: from the newest); empty when {@code after} is not a record of this terms.
     */
    Optional<List<String>> page(String after, int limit) {
        int start = 0;
        if (after != null) {
            start = -1;
            for (int i = 0; i < newestFirst.size(); i++) {
                if (newestFirst.get(i).id().equals(after)) start = i + 1;
            }
            if (start < 0) return Optional.empty();
        }
        int end = Math.min(newestFirst.size(), start + limit);
        return Optional.of(newestFirst.subList(start, end).stream().map(Dated::id).toList());
    }
}
