package org.clausecam.export;

import java.time.Instant;

/**
 * One page capture in an export: what a replay tool lists as a page.
 *
 * @param url   the page's URL after redirects
 * @param date  when it was captured
 * @param title what to call it (service and terms type)
 */
public record ExportedPage(String url, Instant date, String title) {
}
