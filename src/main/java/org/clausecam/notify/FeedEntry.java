package org.clausecam.notify;

import java.time.Instant;

/**
 * One change of a terms in the feed.
 *
 * @param id      stable URN of the entry (from the record's hash)
 * @param title   "<Service> — <Terms type> changed"
 * @param updated the fetch date of the record that saw the change
 * @param summary the first lines of the text difference
 * @param link    the report's page of the change, or null without a report URL
 */
record FeedEntry(String id, String title, Instant updated, String summary, String link) {
}
