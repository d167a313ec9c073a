package org.clausecam.diff;

import org.clausecam.declarations.IsoMoment;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds the records a diff compares: by record id, by date (the latest record at or before it),
 * or the last change. Walks the history page by page, newest first, so the common cases (recent
 * records) read little.
 */
public final class RecordFinder {

    private static final int PAGE = 200;

    private final Store store;
    private final TermsKey terms;

    public RecordFinder(Store store, TermsKey terms) {
        this.store = store;
        this.terms = terms;
    }

    /**
     * The two records of the newest change: the capture whose version changed, and the capture
     * before it (e-mail evidence recorded in between is passed over).
     */
    public Optional<StoredRecord[]> lastChange() throws StoreException {
        String after = null;
        StoredRecord changed = null;
        while (true) {
            List<StoredRecord> page = store.history(terms, after, PAGE);
            for (StoredRecord r : page) {
                boolean capture = CaptureRecord.KIND_CAPTURE.equals(r.record().kind());
                if (changed != null && capture) return Optional.of(new StoredRecord[] {r, changed});
                if (changed == null && capture && r.record().changed() && !r.record().first()) changed = r;
            }
            if (page.size() < PAGE) return Optional.empty();
            after = page.get(page.size() - 1).id();
        }
    }

    /** The newest page capture (e-mail evidence passed over). */
    public Optional<StoredRecord> latestCapture() throws StoreException {
        return store.captureBefore(terms, null);
    }

    /** The page capture recorded just before {@code record} (e-mail evidence passed over). */
    public Optional<StoredRecord> captureBefore(StoredRecord record) throws StoreException {
        return store.captureBefore(terms, record.id());
    }

    /**
     * A record named by its id, or by a date or date-time (ISO-8601): the latest page capture fetched
     * at or before that moment (a bare date means the end of that day, UTC; e-mail evidence is passed over).
     */
    public StoredRecord find(String reference) throws StoreException {
        Optional<StoredRecord> byId = store.record(terms, reference);
        if (byId.isPresent()) return byId.get();
        Instant moment = parseMoment(reference);
        String after = null;
        while (true) {
            List<StoredRecord> page = store.history(terms, after, PAGE);
            for (StoredRecord r : page) {
                // E-mail evidence is dated by its Date header, not in the order it was recorded, and is
                // no version of the page: a date names the latest page capture.
                boolean capture = CaptureRecord.KIND_CAPTURE.equals(r.record().kind());
                if (capture && !r.record().fetchDate().isAfter(moment)) return r;
            }
            if (page.size() < PAGE) {
                throw new StoreException("no page capture of " + terms.service() + " / " + terms.termsType() + " at or before " + reference);
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** A reference that is neither a record id nor a date is bad input: {@link IllegalArgumentException}. */
    private Instant parseMoment(String reference) {
        Optional<Instant> moment = IsoMoment.endOf(reference);
        if (moment.isEmpty()) {
            throw new IllegalArgumentException("'" + reference + "' is neither a record id of " + terms.service() + " / "
                    + terms.termsType() + " nor a date (2026-09-25 or 2026-09-25T10:00:00Z)");
        }
        return moment.get();
    }
}
