package org.clausecam.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader against PngSuite, the PNG conformance images (src/test/resources/pngsuite/README.md):
 * every colour type at every bit depth, and transparency by palette alpha and by colour key.
 * The expected pixels are ImageIO's samples, shown as on a white page.
 */
@Tag("unit")
class PngSuiteTest {

    @Test
    void theSuiteIsAllThere() throws Exception {
        assertEquals(30, suite().size(), "PngSuite images in src/test/resources/pngsuite");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void decodesLikeImageIoOnAWhitePage(String name) throws Exception {
        Path file = resource(name);
        BufferedImage reference = ImageIO.read(file.toFile());

        int[] pixels;
        try (PngStreamReader reader = PngStreamReader.open(file)) {
            assertEquals(reference.getWidth(), reader.width());
            assertEquals(reference.getHeight(), reader.height());
            pixels = new int[reader.width() * reader.height()];
            for (int first = 0; first < reader.height(); first += 7) {
                reader.readRows(pixels, first * reader.width(), Math.min(7, reader.height() - first));
            }
        }

        assertArrayEquals(onWhite(reference), pixels, name);
    }

    static List<String> suite() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(resource(""))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PngSuiteTest.class.getResource("/pngsuite/").toURI()).resolve(name);
    }

    /**
     * Each pixel from the samples ImageIO decoded (not its colour-managed getRGB, which would
     * apply a grey gamma): 16-bit samples rounded to 8 bits, 1- to 4-bit ones spread over 0..255,
     * alpha (ImageIO turns a tRNS colour key into alpha too) composited over white.
     */
    static int[] onWhite(BufferedImage image) {
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        int[] pixels = new int[image.getWidth() * image.getHeight()];
        int[] samples = new int[raster.getNumBands()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                raster.getPixel(x, y, samples);
                int r;
                int g;
                int b;
                int a = 255;
                if (model instanceof IndexColorModel palette) {
                    int argb = palette.getRGB(samples[0]);
                    r = argb >> 16 & 0xff;
                    g = argb >> 8 & 0xff;
                    b = argb & 0xff;
                    a = argb >>> 24;
                } else {
                    int bits = raster.getSampleModel().getSampleSize(0);
                    int colours = model.hasAlpha() ? samples.length - 1 : samples.length;
                    r = to8(samples[0], bits);
                    g = colours == 1 ? r : to8(samples[1], bits);
                    b = colours == 1 ? r : to8(samples[2], bits);
                    if (model.hasAlpha()) {
                        a = to8(samples[colours], bits);
                    }
                }
                pixels[y * image.getWidth() + x] = overWhite(r, a) << 16 | overWhite(g, a) << 8 | overWhite(b, a);
            }
        }
        return pixels;
    }

    private static int to8(int sample, int bits) {
        return bits == 16 ? (int) Math.round(sample / 257.0) : sample * 255 / ((1 << bits) - 1);
    }

    private static int overWhite(int channel, int alpha) {
        return (channel * alpha + 255 * (255 - alpha)) / 255;
    }
}
