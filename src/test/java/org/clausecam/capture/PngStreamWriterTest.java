package org.clausecam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngStreamWriterTest {

    @Test
    void rowsWrittenOneByOneDecodeToTheSamePixels() throws Exception {
        int width = 7;
        int height = 5;
        int[][] pixels = new int[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y][x] = 0xff000000 | (x * 36) << 16 | (y * 60) << 8 | ((x + y) * 17);
            }
        }

        BufferedImage decoded = encodeAndDecode(width, pixels);

        assertEquals(width, decoded.getWidth());
        assertEquals(height, decoded.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertEquals(pixels[y][x], decoded.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void anImageLargerThanOneDataChunkDecodesIntact() throws Exception {
        int width = 400;
        int height = 1000;
        Random noise = new Random(42);
        int[][] pixels = new int[height][width];
        for (int[] row : pixels) {
            for (int x = 0; x < width; x++) {
                row[x] = 0xff000000 | noise.nextInt(0x1000000);
            }
        }

        BufferedImage decoded = encodeAndDecode(width, pixels);

        for (int y = 0; y < height; y += 97) {
            for (int x = 0; x < width; x += 13) {
                assertEquals(pixels[y][x], decoded.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        assertEquals(pixels[height - 1][width - 1], decoded.getRGB(width - 1, height - 1));
    }

    @Test
    void bgrSamplesAreWrittenAsRgbAndAShortRowIsPaddedWhite() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngStreamWriter png = new PngStreamWriter(out, 3, 1);
        byte[] bgr = {0, 0, (byte) 255, 0, (byte) 255, 0};

        png.writeBgrRow(bgr, 0, 2);
        png.finish();

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(0xffff0000, decoded.getRGB(0, 0));
        assertEquals(0xff00ff00, decoded.getRGB(1, 0));
        assertEquals(0xffffffff, decoded.getRGB(2, 0));
    }

    @Test
    void finishingBeforeEveryRowIsWrittenIsAnError() throws Exception {
        PngStreamWriter png = new PngStreamWriter(new ByteArrayOutputStream(), 2, 2);
        png.writeRow(new int[2]);

        assertThrows(IllegalStateException.class, png::finish);
    }

    private static BufferedImage encodeAndDecode(int width, int[][] rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngStreamWriter png = new PngStreamWriter(out, width, rows.length);
        for (int[] row : rows) {
            png.writeRow(row);
        }
        png.finish();
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }
}
