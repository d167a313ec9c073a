package org.clausecam.capture;

import org.clausecam.fetch.FetchedDocument;

import java.util.List;

/**
 * One source document as captured: what was fetched or rendered and, for HTML pages when
 * screenshots are on, its full-page screenshot.
 *
 * @param notes what the capture had to settle for, one line each, naming the URL: a page taken
 *              before {@code load} fired, a screenshot cut at the height limit, an awaited
 *              selector that never appeared; empty for a clean capture
 */
public record CapturedSource(FetchedDocument document, Screenshot screenshot, List<String> notes) {

    public CapturedSource {
        notes = List.copyOf(notes);
    }

    public CapturedSource(FetchedDocument document, Screenshot screenshot) {
        this(document, screenshot, List.of());
    }
}
