package org.clausecam.report;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of a tall screenshot a change page shows: the changed regions of a visual
 * difference, grouped top to bottom into horizontal bands with a margin above and below, so that
 * a change 60,000 px down a page is shown where it is instead of in a picture nobody scrolls.
 */
final class ChangedBands {

    /** Rows of context shown above and below a changed region. */
    static final int MARGIN = 200;

    /** Rows a band shows at most; a taller change (text that moved everything below it) shows its start. */
    static final int MAX_ROWS = 1_600;

    /** Bands shown at most; the others are counted and left to the full screenshots. */
    static final int MAX_BANDS = 12;

    /**
     * One band.
     *
     * @param top          first row shown
     * @param bottom       row after the last one shown
     * @param changeTop    first changed row
     * @param changeBottom row after the last changed row (may lie below {@code bottom})
     */
    record Band(int top, int bottom, int changeTop, int changeBottom) {
        boolean cut() {
            return changeBottom + MARGIN > bottom;
        }
    }

    /**
     * @param bands   at most {@link #MAX_BANDS}, top to bottom
     * @param omitted regions further down that no band shows
     */
    record Bands(List<Band> bands, int omitted) {
    }

    private ChangedBands() {
    }

    static Bands of(List<Rectangle> regions, int height) {
        List<Rectangle> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingInt((Rectangle r) -> r.y));
        List<int[]> merged = new ArrayList<>();
        for (Rectangle r : sorted) {
            int top = Math.max(0, r.y);
            int bottom = Math.min(height, r.y + r.height);
            if (bottom <= top) continue;
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            // Regions whose margins would overlap read as one change.
            if (last != null && top - MARGIN <= last[1] + MARGIN) {
                last[1] = Math.max(last[1], bottom);
            } else {
                merged.add(new int[]{top, bottom});
            }
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < merged.size() && i < MAX_BANDS; i++) {
            int[] m = merged.get(i);
            int top = Math.max(0, m[0] - MARGIN);
            int bottom = Math.min(height, Math.min(m[1] + MARGIN, top + MAX_ROWS));
            bands.add(new Band(top, bottom, m[0], m[1]));
        }
        return new Bands(bands, Math.max(0, merged.size() - MAX_BANDS));
    }
}
