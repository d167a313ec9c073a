package org.clausecam.diff;

/**
 * Five rows of one picture around the row being compared (two above, two below), enough to
 * judge a pixel's neighbours and their neighbours. Only the area both pictures share counts.
 */
final class RowWindow {

    private final int[][] rows = new int[5][];
    private final int[] offsets = new int[5];
    private final int width;
    private final int height;

    RowWindow(int sharedWidth, int sharedHeight) {
        this.width = sharedWidth;
        this.height = sharedHeight;
    }

    /** Centres the window on row {@code y}; the stream must hold rows y-2..y+2 that exist. */
    void centreOn(RowStream stream, int y) {
        for (int dy = -2; dy <= 2; dy++) {
            int row = y + dy;
            if (row >= 0 && row < height) {
                rows[dy + 2] = stream.pixels(row);
                offsets[dy + 2] = stream.offset(row);
            } else {
                rows[dy + 2] = null;
            }
        }
    }

    int width() { return width; }

    boolean has(int x, int dy) {
        return x >= 0 && x < width && rows[dy + 2] != null;
    }

    /** The pixel at column {@code x}, {@code dy} rows from the centre (-2..2). */
    int at(int x, int dy) {
        return rows[dy + 2][offsets[dy + 2] + x];
    }

    int[] centreRow() { return rows[2]; }

    int centreOffset() { return offsets[2]; }
}
