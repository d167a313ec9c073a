package org.clausecam.diff;

import java.util.Arrays;

/**
 * The first pass of a visual diff: walks both pictures row by row on a canvas as large as
 * the larger of the two (aligned top-left), counts the visibly changed pixels and gathers
 * them into cells. Pixels outside one of the pictures are padding and count as changed.
 */
final class ChangeScan {

    private final PixelDifference difference;
    private final int cellSize;

    ChangeScan(PixelDifference difference, int cellSize) {
        this.difference = difference;
        this.cellSize = cellSize;
    }

    record Outcome(long changedPixels, ChangedCells cells, int width, int height) {
        double changedShare() { return (double) changedPixels / ((double) width * height); }
    }

    Outcome scan(RowStream older, RowStream newer) throws VisualDiffException {
        int width = Math.max(older.width(), newer.width());
        int height = Math.max(older.height(), newer.height());
        int sharedWidth = Math.min(older.width(), newer.width());
        int sharedHeight = Math.min(older.height(), newer.height());
        ChangedCells cells = new ChangedCells(width, height, cellSize);
        RowWindow olderRows = new RowWindow(sharedWidth, sharedHeight);
        RowWindow newerRows = new RowWindow(sharedWidth, sharedHeight);
        long changed = 0;
        for (int y = 0; y < sharedHeight; y++) {
            older.hold(y - 2, y + 2);
            newer.hold(y - 2, y + 2);
            olderRows.centreOn(older, y);
            newerRows.centreOn(newer, y);
            changed += scanRow(olderRows, newerRows, cells, y);
            if (sharedWidth < width) {
                cells.markSpan(sharedWidth, width - 1, y);
                changed += width - sharedWidth;
            }
        }
        for (int y = sharedHeight; y < height; y++) {
            cells.markSpan(0, width - 1, y);
            changed += width;
        }
        return new Outcome(changed, cells, width, height);
    }

    private int scanRow(RowWindow olderRows, RowWindow newerRows, ChangedCells cells, int y) {
        int[] a = olderRows.centreRow();
        int[] b = newerRows.centreRow();
        int offsetA = olderRows.centreOffset();
        int offsetB = newerRows.centreOffset();
        int width = olderRows.width();
        int changed = 0;
        int x = 0;
        while (x < width) {
            // Most rows of two screenshots are equal: jump to the next differing pixel with the
            // vectorised mismatch instead of testing every pixel.
            int skip = Arrays.mismatch(a, offsetA + x, offsetA + width, b, offsetB + x, offsetB + width);
            if (skip < 0) {
                break;
            }
            x += skip;
            int pa = a[offsetA + x];
            int pb = b[offsetB + x];
            // Anti-aliasing is only noise where nothing else changed: in a cell that already
            // holds a real change, a visible difference counts without the costly test. On pages
            // where text moved, this skips most tests.
            if (difference.visible(pa, pb)
                    && (cells.isMarked(x, y) || !PixelDifference.antiAliased(olderRows, newerRows, x))) {
                cells.mark(x, y);
                changed++;
            }
            x++;
        }
        return changed;
    }
}
