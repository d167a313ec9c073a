package org.clausecam.track;

import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.time.Duration;
import java.util.List;

/**
 * How the capture of one terms ended.
 *
 * @param terms    which terms
 * @param status   first record, changed, unchanged or failed
 * @param recordId the record written, or {@code null} when it failed
 * @param failure  for a failure: its class, else {@code null}
 * @param reason   for a failure: one line that names the URL or selector, else {@code null}
 * @param took     wall time of this terms' capture
 * @param notes    what a successful capture had to settle for (page taken before {@code load},
 *                 screenshot truncated, selector missing), one line each naming the URL
 * @param stored   the record as the store holds it (URLs, fetchers, hashes), or {@code null} when
 *                 nothing was recorded: what run events tell an operator about a capture
 */
public record TermsOutcome(TermsKey terms, Status status, String recordId, FailureClass failure, String reason, Duration took,
                           List<String> notes, StoredRecord stored) {

    public TermsOutcome {
        notes = List.copyOf(notes);
    }

    public TermsOutcome(TermsKey terms, Status status, String recordId, FailureClass failure, String reason, Duration took,
                        List<String> notes) {
        this(terms, status, recordId, failure, reason, took, notes, null);
    }

    public TermsOutcome(TermsKey terms, Status status, String recordId, FailureClass failure, String reason, Duration took) {
        this(terms, status, recordId, failure, reason, took, List.of());
    }

    /** What a run did with a terms. */
    public enum Status { FIRST_RECORD, CHANGED, UNCHANGED, FAILED }

    public static TermsOutcome failed(TermsKey terms, FailureClass failure, String reason, Duration took) {
        return new TermsOutcome(terms, Status.FAILED, null, failure, reason, took);
    }

    /** A capture recorded as {@code stored}, with what it had to settle for. */
    public static TermsOutcome recorded(TermsKey terms, Status status, StoredRecord stored, Duration took, List<String> notes) {
        return new TermsOutcome(terms, status, stored.id(), null, null, took, notes, stored);
    }

    /** Whether the record is a technical change (another fetcher, a new extraction), not a change of the terms. */
    public boolean technical() {
        return stored != null && stored.record().technical();
    }
}
