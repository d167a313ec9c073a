package org.clausecam.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Adler32;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
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
    void finishingBeforeEveryRowIsWrittenIsAnError() throws Exception {
        PngStreamWriter png = new PngStreamWriter(new ByteArrayOutputStream(), 2, 2);
        png.writeRow(new int[2]);

        assertThrows(IllegalStateException.class, png::finish);
    }

    @Test
    void writingMoreRowsThanThePictureHasIsAnError() throws Exception {
        PngStreamWriter png = new PngStreamWriter(new ByteArrayOutputStream(), 2, 1);
        png.writeRow(new int[2]);

        assertThrows(IllegalStateException.class, () -> png.writeRow(new int[2]));
        assertThrows(IllegalStateException.class, () -> png.write(new int[4], 2));
    }

    @Test
    void bandsCompressedInParallelDecodeToTheSamePixelsInOrder() throws Exception {
        int width = 200;
        int height = 1000;
        int[] pixels = new int[width * height];
        Random noise = new Random(7);
        for (int i = 0; i < pixels.length; i++) {
            // Runs of one colour with some noise: compressible, but no two bands alike.
            pixels[i] = (i / 700) % 2 == 0 ? (i / 5000) * 0x010203 : noise.nextInt(0x1000000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (PngStreamWriter png = new PngStreamWriter(out, width, height, executor)) {
            for (int first = 0; first < height; first += 90) {
                int rows = Math.min(90, height - first);
                int[] band = png.newBand(rows);
                System.arraycopy(pixels, first * width, band, 0, rows * width);
                png.write(band, rows);
            }
            png.finish();
        } finally {
            executor.shutdown();
        }

        assertArrayEquals(pixels, rgb(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))));
        assertZlibChecksumHolds(out.toByteArray());
    }

    @Test
    void bandsThatDoNotCompressAreStoredAndStillDecode() throws Exception {
        int[] noise = new Random(9).ints(300 * 400).map(v -> v & 0xffffff).toArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (PngStreamWriter png = new PngStreamWriter(out, 300, 400, executor)) {
            png.write(Arrays.copyOfRange(noise, 0, 300 * 200), 200);
            png.write(Arrays.copyOfRange(noise, 300 * 200, 300 * 400), 200);
            png.finish();
        } finally {
            executor.shutdown();
        }

        assertArrayEquals(noise, rgb(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))));
        assertZlibChecksumHolds(out.toByteArray());
    }

    @Test
    void singleRowsAndWholeBandsMayBeMixed() throws Exception {
        int width = 5;
        int[] pixels = new Random(5).ints(width * 600).map(v -> v & 0xffffff).toArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PngStreamWriter png = new PngStreamWriter(out, width, 600)) {
            for (int y = 0; y < 300; y++) {
                png.writeRow(Arrays.copyOfRange(pixels, y * width, (y + 1) * width));
            }
            png.write(Arrays.copyOfRange(pixels, 300 * width, 500 * width), 200);
            for (int y = 500; y < 600; y++) {
                png.writeRow(Arrays.copyOfRange(pixels, y * width, (y + 1) * width));
            }
            png.finish();
        }

        assertArrayEquals(pixels, rgb(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))));
        assertZlibChecksumHolds(out.toByteArray());
    }

    @Test
    void adlerChecksumsOfPiecesCombineIntoTheChecksumOfTheWhole() {
        byte[] data = new byte[100_000];
        new Random(3).nextBytes(data);
        Adler32 first = new Adler32();
        first.update(data, 0, 40_000);
        Adler32 second = new Adler32();
        second.update(data, 40_000, 60_000);
        Adler32 whole = new Adler32();
        whole.update(data);

        assertEquals(whole.getValue(), PngStreamWriter.combineAdler(first.getValue(), second.getValue(), 60_000));
    }

    @Test
    void tallPicturesWrittenInBandsReadBackThroughTheStreamReader() throws Exception {
        int width = 200;
        int height = 1000;
        int[] pixels = new Random(13).ints(width * height).map(v -> v & 0xffffff).toArray();
        for (int i = 0; i < pixels.length / 2; i++) {
            pixels[i] = (i / width) * 0x000101; // a smooth top half that deflates well
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (PngStreamWriter png = new PngStreamWriter(out, width, height, executor)) {
            for (int first = 0; first < height; first += 300) {
                int rows = Math.min(300, height - first);
                png.write(Arrays.copyOfRange(pixels, first * width, (first + rows) * width), rows);
            }
            png.finish();
        } finally {
            executor.shutdown();
        }

        int[] read = new int[width * height];
        try (PngStreamReader reader = PngStreamReader.open(new ByteArrayInputStream(out.toByteArray()), "written.png")) {
            assertEquals(width, reader.width());
            assertEquals(height, reader.height());
            for (int first = 0; first < height; first += 128) {
                reader.readRows(read, first * width, Math.min(128, height - first));
            }
        }
        assertArrayEquals(pixels, read);
    }

    /** Inflating the whole zlib stream fails on a wrong Adler-32 trailer. */
    private static void assertZlibChecksumHolds(byte[] png) throws Exception {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.wrap(png, 8, png.length - 8);
        while (buffer.hasRemaining()) {
            int length = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            byte[] data = new byte[length];
            buffer.get(data);
            buffer.getInt();
            if (new String(type, StandardCharsets.US_ASCII).equals("IDAT")) {
                idat.write(data);
            }
        }
        Inflater inflater = new Inflater();
        inflater.setInput(idat.toByteArray());
        byte[] out = new byte[1 << 20];
        while (!inflater.finished()) {
            inflater.inflate(out);
        }
        assertEquals(0, inflater.getRemaining());
    }

    private static int[] rgb(BufferedImage image) throws IOException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xffffff;
        }
        return pixels;
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
