package org.clausecam.diff;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Changed pixels gathered on a grid of square cells, each keeping the exact bounds of its
 * changed pixels. Touching cells (sides or corners) form one region, so changes closer
 * than about a cell apart merge, while each region's box stays tight around its pixels.
 */
final class ChangedCells {

    private final int cellSize;
    private final int columns;
    private final int rows;
    private final int[] minX;
    private final int[] minY;
    private final int[] maxX;
    private final int[] maxY;

    ChangedCells(int width, int height, int cellSize) {
        this.cellSize = cellSize;
        this.columns = (width + cellSize - 1) / cellSize;
        this.rows = (height + cellSize - 1) / cellSize;
        int cells = Math.multiplyExact(columns, rows);
        minX = new int[cells];
        minY = new int[cells];
        maxX = new int[cells];
        maxY = new int[cells];
        Arrays.fill(minX, Integer.MAX_VALUE);
    }

    boolean isMarked(int x, int y) {
        return minX[(y / cellSize) * columns + x / cellSize] != Integer.MAX_VALUE;
    }

    void mark(int x, int y) {
        int cell = (y / cellSize) * columns + x / cellSize;
        extend(cell, x, x, y);
    }

    /** Marks pixels {@code fromX..toX} of row {@code y}. */
    void markSpan(int fromX, int toX, int y) {
        int rowBase = (y / cellSize) * columns;
        for (int column = fromX / cellSize; column <= toX / cellSize; column++) {
            int left = Math.max(fromX, column * cellSize);
            int right = Math.min(toX, column * cellSize + cellSize - 1);
            extend(rowBase + column, left, right, y);
        }
    }

    private void extend(int cell, int left, int right, int y) {
        if (minX[cell] == Integer.MAX_VALUE) {
            minX[cell] = left;
            maxX[cell] = right;
            minY[cell] = y;
            maxY[cell] = y;
            return;
        }
        if (left < minX[cell]) minX[cell] = left;
        if (right > maxX[cell]) maxX[cell] = right;
        // Rows arrive top to bottom, so minY is already the smallest.
        if (y > maxY[cell]) maxY[cell] = y;
    }

    /** The changed regions, top to bottom then left to right, none overlapping another. */
    List<Rectangle> regions() {
        List<Rectangle> found = new ArrayList<>();
        boolean[] seen = new boolean[minX.length];
        int[] queue = new int[minX.length];
        for (int start = 0; start < minX.length; start++) {
            if (seen[start] || minX[start] == Integer.MAX_VALUE) {
                continue;
            }
            int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = -1, bottom = -1;
            int head = 0, tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int cell = queue[head++];
                left = Math.min(left, minX[cell]);
                top = Math.min(top, minY[cell]);
                right = Math.max(right, maxX[cell]);
                bottom = Math.max(bottom, maxY[cell]);
                int cx = cell % columns;
                int cy = cell / columns;
                for (int ny = Math.max(0, cy - 1); ny <= Math.min(rows - 1, cy + 1); ny++) {
                    for (int nx = Math.max(0, cx - 1); nx <= Math.min(columns - 1, cx + 1); nx++) {
                        int next = ny * columns + nx;
                        if (!seen[next] && minX[next] != Integer.MAX_VALUE) {
                            seen[next] = true;
                            queue[tail++] = next;
                        }
                    }
                }
            }
            found.add(new Rectangle(left, top, right - left + 1, bottom - top + 1));
        }
        return mergeOverlapping(found);
    }

    /** Boxes of separate regions can still overlap (an L beside a dot); one box per area reads better. */
    private static List<Rectangle> mergeOverlapping(List<Rectangle> boxes) {
        List<Rectangle> merged = new ArrayList<>(boxes);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < merged.size(); i++) {
                for (int j = i + 1; j < merged.size(); j++) {
                    if (merged.get(i).intersects(merged.get(j))) {
                        merged.set(i, merged.get(i).union(merged.get(j)));
                        merged.remove(j);
                        changed = true;
                        j = i; // the grown box may now reach boxes already passed
                    }
                }
            }
        }
        merged.sort(Comparator.<Rectangle>comparingInt(r -> r.y).thenComparingInt(r -> r.x));
        return merged;
    }
}
