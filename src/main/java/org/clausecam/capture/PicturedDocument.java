package org.clausecam.capture;

import java.util.List;

/**
 * A document fetched over plain HTTP as pictured in the browser.
 *
 * @param screenshot its full-page screenshot, or null when none was taken
 * @param resources  the responses the page loaded for its picture (stylesheets, images, fonts),
 *                   kept for replay; empty when not kept. Its main document is not among them:
 *                   the record has it as it was received.
 */
public record PicturedDocument(Screenshot screenshot, List<PageResource> resources) {

    /** No picture taken (not HTML, or screenshots off). */
    public static final PicturedDocument NONE = new PicturedDocument(null, List.of());

    public PicturedDocument {
        resources = List.copyOf(resources);
    }
}
