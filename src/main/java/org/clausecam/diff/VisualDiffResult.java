package org.clausecam.diff;

import java.awt.Rectangle;
import java.util.List;

/**
 * What differs between two screenshots.
 *
 * @param changedShare share of the compared canvas (0..1) whose pixels changed; padding
 *                     where one screenshot is smaller than the other counts as changed
 * @param regions      bounding boxes of the changed areas, top to bottom, in canvas pixels
 * @param width        canvas width: the wider of the two screenshots
 * @param height       canvas height: the taller of the two screenshots
 */
public record VisualDiffResult(double changedShare, List<Rectangle> regions, int width, int height) {

    public VisualDiffResult {
        // Rectangle is mutable: copy so that a result stays what was measured.
        regions = regions.stream().map(Rectangle::new).toList();
    }

    /** True when nothing changed beyond the tolerated anti-aliasing noise. */
    public boolean identical() { return regions.isEmpty(); }

    @Override
    public List<Rectangle> regions() {
        return regions.stream().map(Rectangle::new).toList();
    }
}
