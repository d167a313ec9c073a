package org.clausecam.capture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.clausecam.png.PngStreamReader;

/** Reads parts of a PNG too tall to decode whole in a test: a band of rows, or every n-th row. */
final class PngRows {

    private PngRows() {
    }

    /** Rows {@code [from, from + count)} of the picture. */
    static BufferedImage rows(byte[] png, int from, int count) throws IOException {
        try (PngStreamReader reader = PngStreamReader.open(new ByteArrayInputStream(png), "screenshot")) {
            int[] row = new int[reader.width()];
            for (int y = 0; y < from; y++) {
                reader.readRows(row, 0, 1);
            }
            BufferedImage rows = new BufferedImage(reader.width(), count, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < count; y++) {
                reader.readRows(row, 0, 1);
                rows.setRGB(0, y, reader.width(), 1, row, 0, reader.width());
            }
            return rows;
        }
    }

    /** Every {@code step}-th row, starting with row 0: row {@code y} of the picture is row {@code y / step} here. */
    static BufferedImage everyNthRow(byte[] png, int step) throws IOException {
        try (PngStreamReader reader = PngStreamReader.open(new ByteArrayInputStream(png), "screenshot")) {
            int[] row = new int[reader.width()];
            BufferedImage sampled = new BufferedImage(reader.width(), (reader.height() + step - 1) / step,
                    BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < reader.height(); y++) {
                reader.readRows(row, 0, 1);
                if (y % step == 0) {
                    sampled.setRGB(0, y / step, reader.width(), 1, row, 0, reader.width());
                }
            }
            return sampled;
        }
    }

    /** Whether a pixel is within a few levels of an RGB colour (renderers may round). */
    static boolean near(int argb, int rgb) {
        return Math.abs(((argb >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 3
                && Math.abs(((argb >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 3
                && Math.abs((argb & 0xff) - (rgb & 0xff)) <= 3;
    }

    static String hex(int argb) {
        return String.format("#%06x", argb & 0xffffff);
    }
}
