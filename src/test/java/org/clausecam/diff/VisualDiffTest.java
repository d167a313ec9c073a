package org.clausecam.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class VisualDiffTest {

    @TempDir
    Path dir;

    private final VisualDiff diff = new VisualDiff();

    @Test
    void identicalScreenshotsHaveNoChangedRegion() throws Exception {
        BufferedImage page = page(800, 1000);
        VisualDiffResult result = diff.compare(save(page, "older.png"), save(page, "newer.png"));

        assertEquals(0.0, result.changedShare());
        assertEquals(List.of(), result.regions());
        assertTrue(result.identical());
        assertEquals(800, result.width());
        assertEquals(1000, result.height());
    }

    @Test
    void changedRectanglesAreFoundAsExactBoxes() throws Exception {
        BufferedImage older = page(800, 1000);
        BufferedImage newer = copy(older);
        fill(newer, new Rectangle(100, 120, 200, 40), new Color(30, 90, 200));
        fill(newer, new Rectangle(500, 700, 64, 130), Color.ORANGE);

        VisualDiffResult result = diff.compare(save(older, "older.png"), save(newer, "newer.png"));

        assertEquals(List.of(new Rectangle(100, 120, 200, 40), new Rectangle(500, 700, 64, 130)), result.regions());
        assertEquals((200 * 40 + 64 * 130) / (800.0 * 1000), result.changedShare(), 1e-12);
    }

    @Test
    void nearbyChangesMergeIntoOneRegion() throws Exception {
        BufferedImage older = page(400, 300);
        BufferedImage newer = copy(older);
        fill(newer, new Rectangle(50, 50, 30, 10), Color.BLACK);
        fill(newer, new Rectangle(50, 64, 30, 10), Color.BLACK); // 4 px below the first

        VisualDiffResult result = diff.compare(save(older, "older.png"), save(newer, "newer.png"));

        assertEquals(List.of(new Rectangle(50, 50, 30, 24)), result.regions());
    }

    @Test
    void antiAliasedEdgesRenderedDifferentlyAreNotChanges() throws Exception {
        BufferedImage older = page(600, 600);
        BufferedImage newer = copy(older);
        // The same black box in both, its one-pixel edge smoothed to a different grey.
        drawBoxWithSmoothedEdge(older, new Rectangle(200, 200, 120, 80), new Color(100, 100, 100));
        drawBoxWithSmoothedEdge(newer, new Rectangle(200, 200, 120, 80), new Color(185, 185, 185));

        VisualDiffResult result = diff.compare(save(older, "older.png"), save(newer, "newer.png"));

        assertEquals(List.of(), result.regions());
        assertEquals(0.0, result.changedShare());
    }

    @Test
    void aShapeSmoothedAtAnotherSubPixelPositionIsNotAChange() throws Exception {
        BufferedImage page = page(600, 400);

        VisualDiffResult result = diff.compare(
                save(smoothEllipse(page, 0), "older.png"), save(smoothEllipse(page, 0.25), "newer.png"));

        assertEquals(List.of(), result.regions());
    }

    @Test
    void aOnePixelLineIsAChangeNotNoise() throws Exception {
        BufferedImage older = page(600, 600);
        BufferedImage newer = copy(older);
        fill(newer, new Rectangle(40, 300, 250, 1), Color.BLACK);

        VisualDiffResult result = diff.compare(save(older, "older.png"), save(newer, "newer.png"));

        assertEquals(List.of(new Rectangle(40, 300, 250, 1)), result.regions());
    }

    @Test
    void barelyDifferentColoursAreTheSame() throws Exception {
        BufferedImage older = page(300, 300);
        BufferedImage newer = copy(older);
        fill(older, new Rectangle(0, 0, 300, 300), new Color(250, 250, 250));
        fill(newer, new Rectangle(0, 0, 300, 300), new Color(247, 248, 250));

        assertTrue(diff.compare(save(older, "older.png"), save(newer, "newer.png")).identical());
    }

    @Test
    void aTallerNewerScreenshotIsPaddedAndThePaddingCountsAsChanged() throws Exception {
        BufferedImage older = page(800, 1000);
        BufferedImage newer = new BufferedImage(800, 1300, BufferedImage.TYPE_INT_RGB);
        newer.createGraphics().drawImage(older, 0, 0, null);
        fill(newer, new Rectangle(0, 1000, 800, 300), Color.WHITE); // same colour as the page: still new

        VisualDiffResult result = diff.compare(save(older, "older.png"), save(newer, "newer.png"));

        assertEquals(List.of(new Rectangle(0, 1000, 800, 300)), result.regions());
        assertEquals(300 / 1300.0, result.changedShare(), 1e-12);
        assertEquals(1300, result.height());
    }

    @Test
    void aShorterAndNarrowerNewerScreenshotIsPaddedToTheOlderSize() throws Exception {
        BufferedImage older = page(900, 1200);
        BufferedImage newer = older.getSubimage(0, 0, 800, 1000);

        VisualDiffResult result = diff.compare(save(older, "older.png"), save(newer, "newer.png"));

        assertEquals(900, result.width());
        assertEquals(1200, result.height());
        // The strip on the right and the band at the bottom touch: one region.
        assertEquals(List.of(new Rectangle(0, 0, 900, 1200)), result.regions());
        assertEquals((900 * 1200 - 800 * 1000) / (900.0 * 1200), result.changedShare(), 1e-12);
    }

    @Test
    void thePictureShowsTheNewerScreenshotWithRegionsPaintedAndPaddingGrey() throws Exception {
        BufferedImage older = page(400, 500);
        BufferedImage newer = older.getSubimage(0, 0, 400, 450);
        newer = copy(newer);
        fill(newer, new Rectangle(100, 100, 50, 50), Color.BLUE);
        Path picture = dir.resolve("diff.png");

        VisualDiffResult result = diff.compare(save(older, "older.png"), save(newer, "newer.png"), picture);

        BufferedImage painted = ImageIO.read(picture.toFile());
        assertEquals(400, painted.getWidth());
        assertEquals(500, painted.getHeight());
        assertEquals(List.of(new Rectangle(100, 100, 50, 50), new Rectangle(0, 450, 400, 50)), result.regions());
        Color inside = new Color(painted.getRGB(125, 125));
        assertTrue(inside.getRed() > inside.getGreen() && inside.getBlue() > 100,
                "blue change tinted red but still visible: " + inside);
        assertEquals(0xe0201c, painted.getRGB(99, 125) & 0xffffff, "outline just left of the region");
        assertEquals(newer.getRGB(300, 300), painted.getRGB(300, 300), "untouched pixels kept");
        Color padding = new Color(painted.getRGB(200, 480));
        assertTrue(padding.getRed() > padding.getGreen(), "padding tinted as changed: " + padding);
    }

    @Test
    void tallPagesDecodedTwiceInsteadOfKeptGiveTheSamePicture() throws Exception {
        BufferedImage older = page(300, 1500);
        BufferedImage newer = copy(older);
        fill(newer, new Rectangle(20, 900, 100, 40), Color.MAGENTA);
        Path olderFile = save(older, "older.png");
        Path newerFile = save(newer, "newer.png");
        Path kept = dir.resolve("kept.png");
        Path decodedTwice = dir.resolve("decoded-twice.png");

        VisualDiffResult keptResult = diff.compare(olderFile, newerFile, kept);
        VisualDiffResult twiceResult = new VisualDiff(VisualDiff.DEFAULT_COLOUR_THRESHOLD,
                VisualDiff.DEFAULT_CELL_SIZE, 0).compare(olderFile, newerFile, decodedTwice);

        assertEquals(keptResult, twiceResult);
        assertArrayEquals(Files.readAllBytes(kept), Files.readAllBytes(decodedTwice));
    }

    @Test
    void thePictureNeverOverwritesAComparedScreenshot() throws Exception {
        Path older = save(page(100, 100), "older.png");
        Path newer = save(page(100, 100), "newer.png");

        VisualDiffException e = assertThrows(VisualDiffException.class, () -> diff.compare(older, newer, newer));

        assertEquals(newer, e.file());
    }

    @Test
    void rgbaScreenshotsCompareLikeRgbOnes() throws Exception {
        BufferedImage older = page(300, 400);
        BufferedImage newer = copy(older);
        fill(newer, new Rectangle(10, 20, 30, 40), Color.RED);

        VisualDiffResult result = diff.compare(save(convert(older, BufferedImage.TYPE_INT_ARGB), "older.png"),
                save(newer, "newer.png"));

        assertEquals(List.of(new Rectangle(10, 20, 30, 40)), result.regions());
    }

    @Test
    void paletteScreenshotsAreReadToo() throws Exception {
        // Only colours of the default palette, so that nothing is dithered.
        BufferedImage older = new BufferedImage(300, 400, BufferedImage.TYPE_BYTE_INDEXED);
        fill(older, new Rectangle(0, 0, 300, 400), Color.WHITE);
        fill(older, new Rectangle(100, 200, 50, 50), Color.BLACK);
        BufferedImage newer = new BufferedImage(300, 400, BufferedImage.TYPE_BYTE_INDEXED);
        newer.setData(older.getData());
        fill(newer, new Rectangle(10, 20, 30, 40), Color.RED);

        VisualDiffResult result = diff.compare(save(older, "older.png"), save(newer, "newer.png"));

        assertEquals(List.of(new Rectangle(10, 20, 30, 40)), result.regions());
    }

    @Test
    void screenshotsInMemoryCompareLikeFiles() throws Exception {
        BufferedImage older = page(300, 400);
        BufferedImage newer = copy(older);
        fill(newer, new Rectangle(10, 20, 30, 40), Color.RED);

        assertEquals(List.of(new Rectangle(10, 20, 30, 40)), diff.compare(older, newer).regions());
    }

    @Test
    void aFileThatIsNotAPictureIsNamedInTheError() throws Exception {
        Path notPicture = dir.resolve("notes.png");
        Files.writeString(notPicture, "<html>not a picture</html>");
        Path older = save(page(100, 100), "older.png");

        VisualDiffException e = assertThrows(VisualDiffException.class, () -> diff.compare(older, notPicture));

        assertEquals(notPicture, e.file());
        assertTrue(e.getMessage().startsWith(notPicture.toString()), e.getMessage());
    }

    @Test
    void aTruncatedPngIsNamedInTheError() throws Exception {
        Path older = save(page(300, 2000), "older.png");
        byte[] whole = Files.readAllBytes(older);
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

        VisualDiffException e = assertThrows(VisualDiffException.class,
                () -> diff.compare(older, truncated, dir.resolve("diff.png")));

        assertEquals(truncated, e.file());
    }

    /** A white page with noisy grey "text" blocks, so that regions have real content around them. */
    private static BufferedImage page(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(image, new Rectangle(0, 0, width, height), Color.WHITE);
        Random random = new Random(7);
        for (int y = 10; y + 8 < height; y += 700) {
            for (int x = 10; x + 8 < width; x += 12) {
                fill(image, new Rectangle(x, y, 8, 8), new Color(random.nextInt(60), random.nextInt(60), random.nextInt(60)));
            }
        }
        return image;
    }

    /** A black box whose sides have a one-pixel grey fringe, as a renderer smooths edges. */
    private static void drawBoxWithSmoothedEdge(BufferedImage image, Rectangle box, Color edge) {
        fill(image, new Rectangle(box.x, box.y - 1, box.width, 1), edge);
        fill(image, new Rectangle(box.x, box.y + box.height, box.width, 1), edge);
        fill(image, new Rectangle(box.x - 1, box.y, 1, box.height), edge);
        fill(image, new Rectangle(box.x + box.width, box.y, 1, box.height), edge);
        fill(image, box, Color.BLACK);
    }

    private static BufferedImage smoothEllipse(BufferedImage page, double subPixelShift) {
        BufferedImage image = copy(page);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.fill(new Ellipse2D.Double(100 + subPixelShift, 100 + subPixelShift, 200, 120));
        g.dispose();
        return image;
    }

    private static void fill(BufferedImage image, Rectangle area, Color colour) {
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fill(area);
        g.dispose();
    }

    private static BufferedImage copy(BufferedImage image) {
        return convert(image, BufferedImage.TYPE_INT_RGB);
    }

    private static BufferedImage convert(BufferedImage image, int type) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    private Path save(BufferedImage image, String name) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
