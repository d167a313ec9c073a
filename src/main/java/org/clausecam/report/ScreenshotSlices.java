package org.clausecam.report;

import org.clausecam.diff.RegionOverlay;
import org.clausecam.png.PngStreamReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Horizontal slices of a screenshot, scaled down and saved as small PNG previews, all made in one
 * pass over the PNG's rows: a 120,000-px screenshot is never held whole, only the rows of the band
 * being read and the slices being drawn (each at most {@link #MAX_SLICE_ROWS} rows of the source).
 * Rows below the last slice are not even decoded.
 *
 * <p>Why PNG and mostly grey, not JPEG: previews of policy pages are text. Measured on 2,000 rows
 * of a 1280-px text screenshot scaled to 640 px: JPEG 146 kB at quality 0.72 (86 kB at 0.35,
 * blurred), PNG in colour 32 kB, PNG in grey 16 kB; at 960 px, grey PNG 30 kB against 280 kB of
 * JPEG. Text keeps its sharp edges, and the screenshot itself, in colour, is the evidence.
 */
final class ScreenshotSlices {

    /** Tallest slice in rows of the source, which bounds the memory of one preview. */
    static final int MAX_SLICE_ROWS = 4_000;

    private static final int BAND_ROWS = 128;

    /**
     * Rows {@code top} (inclusive) to {@code bottom} (exclusive) of the source, scaled to at most
     * {@code width} pixels wide, to be written as a PNG to {@code file}, in grey unless {@code colour},
     * with changed regions painted over it when {@code marks} is not null.
     */
    record Slice(int top, int bottom, int width, boolean colour, RegionOverlay marks, Path file) {
        Slice(int top, int bottom, int width, boolean colour, Path file) {
            this(top, bottom, width, colour, null, file);
        }

        Slice {
            if (top < 0 || bottom <= top || bottom - top > MAX_SLICE_ROWS || width < 1) {
                throw new IllegalArgumentException("slice rows " + top + ".." + bottom + " at width " + width);
            }
        }
    }

    private ScreenshotSlices() {
    }

    /**
     * Draws the slices from a PNG stream (closed here). Slices reaching below the picture are cut
     * at its bottom; slices starting below it are not written.
     *
     * @param source names the picture in errors
     * @return the slices written, with their rows as cut
     */
    static List<Slice> write(InputStream png, String source, List<Slice> slices) throws IOException {
        List<Slice> ordered = new ArrayList<>(slices);
        ordered.sort(Comparator.comparingInt(Slice::top));
        List<Slice> written = new ArrayList<>();
        try (PngStreamReader reader = PngStreamReader.open(png, source)) {
            int width = reader.width();
            int height = reader.height();
            int end = 0;
            for (Slice s : ordered) if (s.top() < height) end = Math.max(end, Math.min(height, s.bottom()));
            int[] band = new int[BAND_ROWS * width];
            List<ScaledSlice> drawing = new ArrayList<>();
            int next = 0;
            for (int first = 0; first < end; first += BAND_ROWS) {
                int rows = Math.min(BAND_ROWS, end - first);
                reader.readRows(band, 0, rows);
                for (int r = 0; r < rows; r++) {
                    int y = first + r;
                    while (next < ordered.size() && ordered.get(next).top() <= y) {
                        Slice s = ordered.get(next++);
                        if (s.top() < height) {
                            drawing.add(new ScaledSlice(new Slice(s.top(), Math.min(height, s.bottom()), s.width(), s.colour(), s.marks(), s.file()), width));
                        }
                    }
                    for (var it = drawing.iterator(); it.hasNext(); ) {
                        ScaledSlice slice = it.next();
                        slice.addRow(band, r * width, y);
                        if (y == slice.slice.bottom() - 1) {
                            slice.finish();
                            written.add(slice.slice);
                            it.remove();
                        }
                    }
                }
            }
        }
        return written;
    }

    /** Averages source rows and columns into the preview's pixels (a box filter: text stays legible). */
    private static final class ScaledSlice {
        final Slice slice;
        final int sourceWidth;
        final int width;
        final int height;
        final int[] column;
        final long[] red;
        final long[] green;
        final long[] blue;
        final int[] count;
        final BufferedImage image;
        final int[] pixels;
        final byte[] greys;
        final int[] marked;
        int row = -1;

        ScaledSlice(Slice slice, int sourceWidth) {
            this.slice = slice;
            this.sourceWidth = sourceWidth;
            this.width = Math.min(slice.width(), sourceWidth);
            int rows = slice.bottom() - slice.top();
            this.height = Math.max(1, (int) Math.round((double) rows * width / sourceWidth));
            this.column = new int[sourceWidth];
            for (int x = 0; x < sourceWidth; x++) column[x] = (int) ((long) x * width / sourceWidth);
            this.red = new long[width];
            this.green = new long[width];
            this.blue = new long[width];
            this.count = new int[width];
            this.image = new BufferedImage(width, height, slice.colour() ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
            this.pixels = slice.colour() ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData() : null;
            this.greys = slice.colour() ? null : ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            this.marked = slice.marks() == null ? null : new int[sourceWidth];
            if (slice.marks() != null) slice.marks().startBand(slice.top(), slice.bottom() - slice.top());
        }

        void addRow(int[] band, int offset, int y) {
            int target = (int) ((long) (y - slice.top()) * height / (slice.bottom() - slice.top()));
            if (target != row) {
                flush();
                row = target;
            }
            int[] source = band;
            int start = offset;
            if (marked != null) {
                // The row is shared with the other slices of this pass: paint a copy.
                System.arraycopy(band, offset, marked, 0, sourceWidth);
                slice.marks().paintRow(marked, 0, sourceWidth, y);
                source = marked;
                start = 0;
            }
            for (int x = 0; x < sourceWidth; x++) {
                int c = source[start + x];
                int to = column[x];
                red[to] += c >> 16 & 0xff;
                green[to] += c >> 8 & 0xff;
                blue[to] += c & 0xff;
                count[to]++;
            }
        }

        private void flush() {
            if (row < 0) return;
            int base = row * width;
            for (int x = 0; x < width; x++) {
                int n = Math.max(1, count[x]);
                int r = (int) (red[x] / n);
                int g = (int) (green[x] / n);
                int b = (int) (blue[x] / n);
                if (pixels != null) {
                    pixels[base + x] = r << 16 | g << 8 | b;
                } else {
                    // Rec. 601 luma on the stored values, as the eye weighs them; ImageIO's own
                    // conversion to grey goes through linear light and washes text out.
                    greys[base + x] = (byte) ((r * 299 + g * 587 + b * 114 + 500) / 1000);
                }
                red[x] = 0;
                green[x] = 0;
                blue[x] = 0;
                count[x] = 0;
            }
        }

        void finish() throws IOException {
            flush();
            // ImageIO's PNG writer filters each row adaptively: half the size of unfiltered rows on text.
            if (!ImageIO.write(image, "png", slice.file().toFile())) {
                throw new IOException("no PNG writer in this Java runtime for " + slice.file());
            }
        }
    }
}
