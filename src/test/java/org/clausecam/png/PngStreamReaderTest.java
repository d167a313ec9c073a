package org.clausecam.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class PngStreamReaderTest {

    @TempDir
    Path dir;

    @Test
    void decodesRgbPngsLikeImageIoWhateverTheRowFilters() throws Exception {
        // Smooth gradients plus noise make ImageIO's encoder use every PNG row filter.
        BufferedImage image = mixedContent(BufferedImage.TYPE_INT_RGB, 257, 301);
        Path file = dir.resolve("rgb.png");
        ImageIO.write(image, "png", file.toFile());

        assertTrue(PngStreamReader.canStream(file));
        assertArrayEquals(PngSuiteTest.onWhite(image), readInBands(file, 64));
    }

    @Test
    void decodesRgbaPngsAsSeenOnAWhitePage() throws Exception {
        BufferedImage image = mixedContent(BufferedImage.TYPE_INT_ARGB, 130, 90);
        Path file = dir.resolve("rgba.png");
        ImageIO.write(image, "png", file.toFile());

        assertArrayEquals(PngSuiteTest.onWhite(ImageIO.read(file.toFile())), readInBands(file, 7));
    }

    @Test
    void bandsOfAnySizeGiveTheSameRows() throws Exception {
        Path file = dir.resolve("rgb.png");
        ImageIO.write(mixedContent(BufferedImage.TYPE_INT_RGB, 40, 100), "png", file.toFile());

        assertArrayEquals(readInBands(file, 100), readInBands(file, 1));
        assertArrayEquals(readInBands(file, 100), readInBands(file, 33));
    }

    @Test
    void interlacedPngsAreRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("interlaced.png");
        writeInterlaced(mixedContent(BufferedImage.TYPE_INT_RGB, 20, 20), file);

        assertFalse(PngStreamReader.canStream(file));
        PngFormatException refused = assertThrows(PngFormatException.class, () -> PngStreamReader.open(file));
        assertEquals(file.toString(), refused.source());
        assertTrue(refused.getMessage().startsWith(file + ": ") && refused.reason().contains("interlaced"),
                refused.getMessage());
    }

    @Test
    void aFileThatIsNotAPngIsRefusedNamingIt() throws Exception {
        Path file = dir.resolve("photo.jpg");
        ImageIO.write(mixedContent(BufferedImage.TYPE_INT_RGB, 20, 20), "jpg", file.toFile());

        assertFalse(PngStreamReader.canStream(file));
        PngFormatException refused = assertThrows(PngFormatException.class, () -> PngStreamReader.open(file));
        assertEquals(file + ": not a PNG file (no PNG signature)", refused.getMessage());
    }

    @Test
    void aTruncatedPngFailsNamingTheFileAndTheRow() throws Exception {
        Path whole = dir.resolve("whole.png");
        ImageIO.write(mixedContent(BufferedImage.TYPE_INT_RGB, 100, 100), "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path file = dir.resolve("truncated.png");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        PngFormatException failed = assertThrows(PngFormatException.class, () -> readInBands(file, 10));
        assertEquals(file.toString(), failed.source());
        assertTrue(failed.reason().matches("PNG file truncated (at|before) row \\d+ of 100"), failed.reason());
    }

    @Test
    void damagedImageDataFailsNamingTheFile() throws Exception {
        Path whole = dir.resolve("whole.png");
        ImageIO.write(mixedContent(BufferedImage.TYPE_INT_RGB, 100, 100), "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        int idat = indexOf(bytes, "IDAT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = idat + 6; i < idat + 60; i++) {
            bytes[i] = (byte) 0xff; // past the zlib header: a run of invalid deflate blocks
        }
        Path file = dir.resolve("damaged.png");
        Files.write(file, bytes);

        PngFormatException failed = assertThrows(PngFormatException.class, () -> readInBands(file, 10));
        assertEquals(file.toString(), failed.source());
    }

    private static int[] readInBands(Path file, int bandRows) throws IOException {
        try (PngStreamReader reader = PngStreamReader.open(file)) {
            int[] pixels = new int[reader.width() * reader.height()];
            for (int first = 0; first < reader.height(); first += bandRows) {
                reader.readRows(pixels, first * reader.width(), Math.min(bandRows, reader.height() - first));
            }
            return pixels;
        }
    }

    private static void writeInterlaced(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT); // PNG's progressive mode is Adam7
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
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
}
