package org.clausecam.capture;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads parts of a PNG too tall to decode whole in a test: a band of rows, or every n-th row. */
final class PngRows {

    private PngRows() {
    }

    /** Rows {@code [from, from + count)} of the picture. */
    static BufferedImage rows(byte[] png, int width, int from, int count) throws IOException {
        ImageReadParam param = new ImageReadParam();
        param.setSourceRegion(new Rectangle(0, from, width, count));
        return read(png, param);
    }

    /** Every {@code step}-th row, starting with row 0: row {@code y} of the picture is row {@code y / step} here. */
    static BufferedImage everyNthRow(byte[] png, int step) throws IOException {
        ImageReadParam param = new ImageReadParam();
        param.setSourceSubsampling(1, step, 0, 0);
        return read(png, param);
    }

    private static BufferedImage read(byte[] png, ImageReadParam param) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
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
