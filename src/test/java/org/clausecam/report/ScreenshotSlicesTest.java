package org.clausecam.report;

import org.clausecam.diff.RegionOverlay;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
class ScreenshotSlicesTest {

    @TempDir
    Path dir;

    @Test
    void slicesOfATallScreenshotAreScaledToTheirWidthInGreyAndRowsBelowThePictureAreCut() throws Exception {
        byte[] png = TallPages.screenshot(TallPages.lines(500)); // 1280 × 10,000
        Path tile = dir.resolve("tile.png");
        Path last = dir.resolve("last.png");
        Path below = dir.resolve("below.png");

        List<ScreenshotSlices.Slice> written = ScreenshotSlices.write(new ByteArrayInputStream(png), "test", List.of(
                new ScreenshotSlices.Slice(2_000, 4_000, 640, false, tile),
                new ScreenshotSlices.Slice(9_000, 11_000, 640, false, last),
                new ScreenshotSlices.Slice(12_000, 13_000, 640, false, below)));

        assertEquals(2, written.size());
        BufferedImage t = ImageIO.read(tile.toFile());
        assertEquals(640, t.getWidth());
        assertEquals(1_000, t.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, t.getType());
        assertEquals(500, ImageIO.read(last.toFile()).getHeight(), "rows 9,000–10,000 at half scale");
        assertFalse(below.toFile().exists());
    }

    @Test
    void aDifferenceSliceHasTheChangedRegionPaintedRedAndTheRestUntouched() throws Exception {
        byte[] png = TallPages.screenshot(TallPages.lines(100)); // 1280 × 2,000
        Path difference = dir.resolve("difference.png");

        ScreenshotSlices.write(new ByteArrayInputStream(png), "test", List.of(new ScreenshotSlices.Slice(0, 2_000, 1_280, true,
                new RegionOverlay(List.of(new Rectangle(600, 1_000, 400, 200))), difference)));

        BufferedImage d = ImageIO.read(difference.toFile());
        int inside = d.getRGB(1_100 - 100, 1_100) & 0xffffff;   // inside the region, a white background pixel
        assertTrue((inside >> 16 & 0xff) > (inside & 0xff) + 40, Integer.toHexString(inside) + " is tinted red");
        assertEquals(0xffffff, d.getRGB(1_200, 100) & 0xffffff, "outside, white stays white");
    }
}
