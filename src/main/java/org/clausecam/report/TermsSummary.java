package org.clausecam.report;

import org.clausecam.store.TermsKey;

import java.time.Instant;

/**
 * What the index shows of one terms.
 *
 * @param folder         the terms' folder relative to the report root
 * @param records        records of every kind
 * @param changes        records whose version changed against an earlier capture
 * @param emails         e-mail evidence records
 * @param firstCapture   oldest page capture's date, or null when the terms holds only e-mail evidence
 * @param lastCapture    newest page capture's date (e-mail evidence, dated by its Date header, is
 *                       not a capture), or null when the terms holds only e-mail evidence
 * @param lastChange     newest change's date, or null when the text never changed since the first record
 * @param lastChangePage that change's page relative to the report root, or null
 */
record TermsSummary(TermsKey terms, String folder, int records, int changes, int emails,
                    Instant firstCapture, Instant lastCapture, Instant lastChange, String lastChangePage) {
}
