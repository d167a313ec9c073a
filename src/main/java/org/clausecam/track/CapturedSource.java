package org.clausecam.track;

import org.clausecam.fetch.FetchedDocument;

/**
 * One source document as captured: what was fetched (or rendered) and, for HTML pages, its
 * full-page screenshot.
 *
 * @param document         the snapshot and how it was obtained
 * @param screenshotPng    full-page PNG, or {@code null} when screenshots are off or the document is a PDF
 * @param screenshotHeight its height in pixels, or {@code null}
 */
public record CapturedSource(FetchedDocument document, byte[] screenshotPng, Integer screenshotHeight) {
}
