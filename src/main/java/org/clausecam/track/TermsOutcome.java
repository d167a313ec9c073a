package org.clausecam.track;

import org.clausecam.store.TermsKey;

import java.time.Duration;

/**
 * How the capture of one terms ended.
 *
 * @param terms    which terms
 * @param status   first record, changed, unchanged or failed
 * @param recordId the record written, or {@code null} when it failed
 * @param failure  for a failure: its class ({@code transient}, {@code permanent}, {@code blocked},
 *                 {@code inaccessible-content}, {@code storage}, {@code declaration}), else {@code null}
 * @param reason   for a failure: one line that names the URL or selector, else {@code null}
 * @param took     wall time of this terms' capture
 */
public record TermsOutcome(TermsKey terms, Status status, String recordId, String failure, String reason, Duration took) {

    /** What a run did with a terms. */
    public enum Status { FIRST_RECORD, CHANGED, UNCHANGED, FAILED }

    public static TermsOutcome failed(TermsKey terms, String failure, String reason, Duration took) {
        return new TermsOutcome(terms, Status.FAILED, null, failure, reason, took);
    }
}
