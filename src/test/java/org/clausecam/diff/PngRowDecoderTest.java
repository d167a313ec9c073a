package org.clausecam.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.clausecam.capture.PngStreamWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngRowDecoderTest {

    @TempDir
    Path dir;

    @Test
    void decodesRgbPngsLikeImageIo() throws Exception {
        // Smooth gradients plus noise make ImageIO's encoder use every PNG row filter.
        BufferedImage image = mixedContent(BufferedImage.TYPE_INT_RGB, 257, 301);
        Path file = dir.resolve("rgb.png");
        ImageIO.write(image, "png", file.toFile());

        assertTrue(PngRowDecoder.canStream(file));
        assertArrayEquals(expectedPixels(image, false), decodeInBands(file, 64));
    }

    @Test
    void decodesRgbaPngsAsSeenOnAWhitePage() throws Exception {
        BufferedImage image = mixedContent(BufferedImage.TYPE_INT_ARGB, 130, 90);
        Path file = dir.resolve("rgba.png");
        ImageIO.write(image, "png", file.toFile());

        assertTrue(PngRowDecoder.canStream(file));
        assertArrayEquals(expectedPixels(image, true), decodeInBands(file, 7));
    }

    @Test
    void decodesGreyAndPalettePngsLikeImageIo() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_INDEXED}) {
            BufferedImage image = new BufferedImage(150, 120, type);
            image.getGraphics().drawImage(mixedContent(BufferedImage.TYPE_INT_RGB, 150, 120), 0, 0, null);
            Path file = dir.resolve("type-" + type + ".png");
            ImageIO.write(image, "png", file.toFile());

            assertTrue(PngRowDecoder.canStream(file));
            assertArrayEquals(type == BufferedImage.TYPE_BYTE_GRAY ? greySamples(image) : expectedPixels(image, false),
                    decodeInBands(file, 50), "image type " + type);
        }
    }

    @Test
    void leavesSixteenBitPngsToImageIo() throws Exception {
        Path deep = dir.resolve("16-bit.png");
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_USHORT_GRAY), "png", deep.toFile());

        assertFalse(PngRowDecoder.canStream(deep));
    }

    @Test
    void picturesWrittenByTheStreamWriterDecodeToTheSamePixels() throws Exception {
        BufferedImage image = mixedContent(BufferedImage.TYPE_INT_RGB, 200, 1000);
        int[] pixels = expectedPixels(image, false);
        Path file = dir.resolve("written.png");
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file);
             PngStreamWriter writer = new PngStreamWriter(out, 200, 1000, executor)) {
            for (int first = 0; first < 1000; first += 300) {
                int rows = Math.min(300, 1000 - first);
                int[] band = java.util.Arrays.copyOfRange(pixels, first * 200, (first + rows) * 200);
                writer.write(band, rows);
            }
            writer.finish();
        } finally {
            executor.shutdown();
        }

        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(1000, read.getHeight());
        assertArrayEquals(pixels, expectedPixels(read, false));
        assertArrayEquals(pixels, decodeInBands(file, 1000));
        assertZlibChecksumHolds(file);
    }

    /** Inflating the whole zlib stream fails on a wrong Adler-32 trailer. */
    private static void assertZlibChecksumHolds(Path file) throws Exception {
        byte[] png = java.nio.file.Files.readAllBytes(file);
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(png, 8, png.length - 8);
        while (buffer.hasRemaining()) {
            int length = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            byte[] data = new byte[length];
            buffer.get(data);
            buffer.getInt();
            if (new String(type, java.nio.charset.StandardCharsets.US_ASCII).equals("IDAT")) {
                idat.write(data);
            }
        }
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        inflater.setInput(idat.toByteArray());
        byte[] out = new byte[1 << 20];
        while (!inflater.finished()) {
            inflater.inflate(out);
        }
        assertEquals(0, inflater.getRemaining());
    }

    private static int[] decodeInBands(Path file, int bandRows) throws Exception {
        try (PngRowDecoder decoder = PngRowDecoder.open(file)) {
            int[] pixels = new int[decoder.width() * decoder.height()];
            for (int first = 0; first < decoder.height(); first += bandRows) {
                decoder.read(pixels, first * decoder.width(), Math.min(bandRows, decoder.height() - first));
            }
            return pixels;
        }
    }

    private static BufferedImage mixedContent(int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(11);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int alpha = type == BufferedImage.TYPE_INT_ARGB ? (x * 7 + y) % 256 : 255;
                int rgb = y % 50 < 25 ? (x * 3 % 256) << 16 | (y % 256) << 8 | (x + y) % 256 : random.nextInt();
                image.setRGB(x, y, alpha << 24 | (rgb & 0xffffff));
            }
        }
        return image;
    }

    /** A PNG grey sample g shows as sRGB (g, g, g); Java's getRGB would apply a linear-grey gamma. */
    private static int[] greySamples(BufferedImage image) {
        int[] samples = image.getRaster().getSamples(0, 0, image.getWidth(), image.getHeight(), 0, (int[]) null);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = samples[i] << 16 | samples[i] << 8 | samples[i];
        }
        return samples;
    }

    private static int[] expectedPixels(BufferedImage image, boolean overWhite) {
        int[] pixels = new int[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int a = overWhite ? argb >>> 24 : 255;
                int r = ((argb >> 16 & 0xff) * a + 255 * (255 - a)) / 255;
                int g = ((argb >> 8 & 0xff) * a + 255 * (255 - a)) / 255;
                int b = ((argb & 0xff) * a + 255 * (255 - a)) / 255;
                pixels[y * image.getWidth() + x] = r << 16 | g << 8 | b;
            }
        }
        return pixels;
    }
}
