package org.clausecam.diff;

import java.awt.Rectangle;
import java.util.List;

/**
 * Paints changed regions over rows of the newer screenshot: a translucent red fill inside each
 * region and a solid red outline just outside it, so the changed pixels stay readable. Public so
 * that a report can mark the regions on crops of the newer screenshot, as the difference picture
 * shows them, without drawing that picture whole.
 */
public final class RegionOverlay {

    /** Where the newer screenshot is smaller than the canvas: a mid grey that reads as "nothing here". */
    static final int PADDING = 0xc8c8c8;

    private static final int RED = 0xe0201c;
    private static final int FILL_ALPHA = 90; // of 255
    private static final int OUTLINE = 2;

    private final List<Rectangle> regions;
    private List<Rectangle> nearBand = List.of();

    /** @param regions changed regions, as {@link VisualDiffResult#regions()} gives them */
    public RegionOverlay(List<Rectangle> regions) {
        this.regions = regions.stream().map(Rectangle::new).toList();
    }

    /**
     * Readies the overlay for rows {@code first..first+rows-1}: only regions near them are
     * looked at per row, which matters on pages with thousands of small changes.
     */
    public void startBand(int first, int rows) {
        nearBand = regions.stream()
                .filter(r -> r.y - OUTLINE < first + rows && r.y + r.height + OUTLINE > first)
                .toList();
    }

    /**
     * Paints row {@code y} (within the started band) of a canvas {@code width} wide, held in
     * {@code row} from {@code offset}.
     */
    public void paintRow(int[] row, int offset, int width, int y) {
        for (Rectangle region : nearBand) {
            int top = region.y;
            int bottom = region.y + region.height; // exclusive
            if (y < top - OUTLINE || y >= bottom + OUTLINE) {
                continue;
            }
            int left = region.x;
            int right = region.x + region.width; // exclusive
            int outerLeft = Math.max(0, left - OUTLINE);
            int outerRight = Math.min(width, right + OUTLINE);
            if (y < top || y >= bottom) {
                fill(row, offset, outerLeft, outerRight);
            } else {
                fill(row, offset, outerLeft, Math.max(outerLeft, left));
                tint(row, offset, left, Math.min(width, right));
                fill(row, offset, Math.min(outerRight, right), outerRight);
            }
        }
    }

    private static void fill(int[] row, int offset, int from, int to) {
        for (int x = from; x < to; x++) {
            row[offset + x] = RED;
        }
    }

    private static void tint(int[] row, int offset, int from, int to) {
        int keep = 255 - FILL_ALPHA;
        int r0 = (RED >> 16 & 0xff) * FILL_ALPHA;
        int g0 = (RED >> 8 & 0xff) * FILL_ALPHA;
        int b0 = (RED & 0xff) * FILL_ALPHA;
        for (int x = from; x < to; x++) {
            int c = row[offset + x];
            int r = ((c >> 16 & 0xff) * keep + r0) / 255;
            int g = ((c >> 8 & 0xff) * keep + g0) / 255;
            int b = ((c & 0xff) * keep + b0) / 255;
            row[offset + x] = r << 16 | g << 8 | b;
        }
    }
}
