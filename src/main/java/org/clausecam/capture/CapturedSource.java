package org.clausecam.capture;

import org.clausecam.fetch.FetchedDocument;

import java.util.List;

/**
 * One source document as captured: what was fetched or rendered and, for HTML pages when
 * screenshots are on, its full-page screenshot.
 *
 * @param notes    what the capture had to settle for, one line each, naming the URL: a page taken
 *                 before {@code load} fired or before it settled, a screenshot cut at the height
 *                 limit, an awaited selector that never appeared; empty for a clean capture
 * @param settling how a rendered page settled after {@code load}; {@link Settling#NOT_WAITED}
 *                 for a document fetched over plain HTTP (no scripts ran)
 * @param resources the responses a rendered page loaded, kept for replay; empty when none were kept
 */
public record CapturedSource(FetchedDocument document, Screenshot screenshot, List<String> notes, Settling settling,
                             List<PageResource> resources) {

    public CapturedSource {
        resources = List.copyOf(resources);
        notes = List.copyOf(notes);
        settling = settling == null ? Settling.NOT_WAITED : settling;
    }

    public CapturedSource(FetchedDocument document, Screenshot screenshot, List<String> notes, Settling settling) {
        this(document, screenshot, notes, settling, List.of());
    }

    public CapturedSource(FetchedDocument document, Screenshot screenshot, List<String> notes) {
        this(document, screenshot, notes, Settling.NOT_WAITED);
    }

    public CapturedSource(FetchedDocument document, Screenshot screenshot) {
        this(document, screenshot, List.of());
    }
}
