package org.clausecam.capture;

import org.clausecam.fetch.FetchedDocument;

/**
 * One source document as captured: what was fetched or rendered and, for HTML pages when
 * screenshots are on, its full-page screenshot.
 */
public record CapturedSource(FetchedDocument document, Screenshot screenshot) {
}
