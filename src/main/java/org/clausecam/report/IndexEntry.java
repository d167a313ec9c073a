package org.clausecam.report;

import java.time.Instant;

/**
 * One line of the index's list, and of its search index: a change, an e-mail, or a terms.
 *
 * @param kind  {@code change}, {@code email} or {@code terms}
 * @param date  the change's or e-mail's date; for a terms, its last capture (null when none)
 * @param href  the page, relative to the report root
 * @param words what a search matches besides the names: a change's changed words, an e-mail's text
 */
record IndexEntry(String kind, String service, String termsType, Instant date, String href, String title, String words) {
}
