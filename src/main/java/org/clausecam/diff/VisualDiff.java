package org.clausecam.diff;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.clausecam.png.PngFormatException;
import org.clausecam.png.PngStreamWriter;

/**
 * Compares two screenshots of a page taken at different times.
 *
 * <p>The screenshots are aligned top-left on a canvas as large as the larger of the two; where
 * one is smaller, the canvas is padding, and padding counts as changed (content that appeared
 * or disappeared). Pixels whose colours differ less than a threshold, and anti-aliasing
 * differences along edges, are ignored. Changed pixels are grouped into regions, whose
 * bounding boxes can be painted over the newer screenshot.
 *
 * <p>Pictures are streamed in bands of rows, decoded on worker threads while the previous
 * band is compared, so memory stays bounded for pages of any height.
 */
public final class VisualDiff {

    /** pixelmatch's default: colour distances up to 10% (squared, in YIQ) are the same colour. */
    public static final double DEFAULT_COLOUR_THRESHOLD = 0.1;

    /** Changes in touching cells of this size merge into one region. */
    public static final int DEFAULT_CELL_SIZE = 16;

    private static final int BAND_ROWS = 256;
    private static final long MAX_CANVAS_PIXELS = 1L << 31; // e.g. 1280×1,677,721
    private static final long KEEP_LIMIT_BYTES = 160L * 1024 * 1024; // 1280×32,768
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final PixelDifference difference;
    private final int cellSize;
    private final long keepLimitBytes;

    public VisualDiff() {
        this(DEFAULT_COLOUR_THRESHOLD, DEFAULT_CELL_SIZE);
    }

    /**
     * @param colourThreshold 0..1: how different two colours must be to count (0 = any difference)
     * @param cellSize        pixels per side of the grid cells whose touching members merge into a region
     */
    public VisualDiff(double colourThreshold, int cellSize) {
        this(colourThreshold, cellSize, KEEP_LIMIT_BYTES);
    }

    /** With a limit on the newer screenshot's pixels kept between the passes (0: decode it twice). */
    VisualDiff(double colourThreshold, int cellSize, long keepLimitBytes) {
        if (cellSize < 1) {
            throw new IllegalArgumentException("cell size must be positive, was " + cellSize);
        }
        this.difference = new PixelDifference(colourThreshold);
        this.cellSize = cellSize;
        this.keepLimitBytes = keepLimitBytes;
    }

    /** Compares two screenshot files (PNG, or any picture ImageIO reads) without drawing anything. */
    public VisualDiffResult compare(Path older, Path newer) throws VisualDiffException {
        return compare(older, newer, null);
    }

    /**
     * Compares two screenshot files and, unless {@code picture} is null, writes there a PNG of
     * the newer screenshot (padded to the canvas) with the changed regions painted over it.
     */
    public VisualDiffResult compare(Path older, Path newer, Path picture) throws VisualDiffException {
        ExecutorService executor = newExecutor();
        try {
            ChangeScan.Outcome outcome;
            int[] keptNewer = null;
            int newerWidth;
            int newerHeight;
            if (picture != null) {
                refuseToOverwrite(picture, older, newer);
            }
            long keepLimit = picture == null ? 0 : keepLimit();
            try (RowStream olderRows = new RowStream(older, open(older), executor, BAND_ROWS, 0);
                 RowStream newerRows = new RowStream(newer, open(newer), executor, BAND_ROWS, keepLimit)) {
                checkCanvas(olderRows, newerRows, older, newer);
                outcome = new ChangeScan(difference, cellSize).scan(olderRows, newerRows);
                if (newerRows.keepsRows()) {
                    keptNewer = newerRows.allRows();
                }
                newerWidth = newerRows.width();
                newerHeight = newerRows.height();
            }
            List<Rectangle> regions = outcome.cells().regions();
            if (picture != null) {
                PixelRows newerAgain = keptNewer != null
                        ? new DecodedImageRows(keptNewer, newerWidth, newerHeight)
                        : open(newer);
                try (RowStream newerRows = new RowStream(newer, newerAgain, executor, BAND_ROWS, 0)) {
                    paint(newerRows, outcome, regions, picture, executor);
                }
            }
            return new VisualDiffResult(outcome.changedShare(), regions, outcome.width(), outcome.height());
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Up to how many bytes of the newer screenshot's pixels to keep from the comparison for the
     * picture, which saves decoding it again (about 165 ms for 1280×20,000). Taller pages are
     * decoded twice, so that memory stays bounded.
     */
    private long keepLimit() {
        return Math.min(keepLimitBytes, Runtime.getRuntime().maxMemory() / 8);
    }

    /** Writing the picture over a screenshot being read would destroy the evidence. */
    private static void refuseToOverwrite(Path picture, Path older, Path newer) throws VisualDiffException {
        for (Path screenshot : List.of(older, newer)) {
            try {
                if (Files.exists(picture) && Files.isSameFile(picture, screenshot)) {
                    throw new VisualDiffException(picture, "the difference picture would overwrite a compared screenshot");
                }
            } catch (IOException e) {
                throw new VisualDiffException(picture, "cannot check the picture's path: " + e.getMessage(), e);
            }
        }
    }

    /** Compares two screenshots already in memory. */
    public VisualDiffResult compare(BufferedImage older, BufferedImage newer) throws VisualDiffException {
        ExecutorService executor = newExecutor();
        try (RowStream olderRows = new RowStream(null, DecodedImageRows.of(older), executor, BAND_ROWS, 0);
             RowStream newerRows = new RowStream(null, DecodedImageRows.of(newer), executor, BAND_ROWS, 0)) {
            ChangeScan.Outcome outcome = new ChangeScan(difference, cellSize).scan(olderRows, newerRows);
            return new VisualDiffResult(outcome.changedShare(), outcome.cells().regions(),
                    outcome.width(), outcome.height());
        } finally {
            executor.shutdownNow();
        }
    }

    /** The canvas must stay countable in ints per row and cells; far beyond any real page. */
    private static void checkCanvas(RowStream older, RowStream newer, Path olderFile, Path newerFile)
            throws VisualDiffException {
        long width = Math.max(older.width(), newer.width());
        long height = Math.max(older.height(), newer.height());
        if (width * height > MAX_CANVAS_PIXELS) {
            Path larger = (long) older.width() * older.height() >= (long) newer.width() * newer.height()
                    ? olderFile : newerFile;
            throw new VisualDiffException(larger, "screenshots of " + width + "×" + height
                    + " pixels exceed the " + MAX_CANVAS_PIXELS + " pixels a visual diff handles");
        }
    }

    private static PixelRows open(Path file) throws VisualDiffException {
        try {
            return PixelRows.open(file);
        } catch (PngFormatException e) {
            throw new VisualDiffException(file, "cannot read screenshot: " + e.reason(), e);
        } catch (IOException e) {
            throw new VisualDiffException(file, "cannot read screenshot: " + e.getMessage(), e);
        }
    }

    private static void paint(RowStream newer, ChangeScan.Outcome outcome, List<Rectangle> regions,
                              Path picture, ExecutorService executor) throws VisualDiffException {
        int width = outcome.width();
        int height = outcome.height();
        RegionOverlay overlay = new RegionOverlay(regions);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(picture), 256 * 1024);
             PngStreamWriter writer = new PngStreamWriter(file, width, height, executor)) {
            for (int first = 0; first < height; first += BAND_ROWS) {
                int rows = Math.min(BAND_ROWS, height - first);
                // Not reused here: the writer's workers read it while the next band is painted.
                int[] band = writer.newBand(rows);
                overlay.startBand(first, rows);
                for (int r = 0; r < rows; r++) {
                    int y = first + r;
                    int offset = r * width;
                    copyNewerRow(newer, y, band, offset, width);
                    overlay.paintRow(band, offset, width, y);
                }
                writer.write(band, rows);
            }
            writer.finish();
        } catch (IOException e) {
            throw new VisualDiffException(picture, "cannot write the difference picture: " + e.getMessage(), e);
        }
    }

    private static void copyNewerRow(RowStream newer, int y, int[] band, int offset, int width)
            throws VisualDiffException {
        int copied = 0;
        if (y < newer.height()) {
            newer.hold(y, y);
            copied = newer.width();
            System.arraycopy(newer.pixels(y), newer.offset(y), band, offset, copied);
        }
        java.util.Arrays.fill(band, offset + copied, offset + width, RegionOverlay.PADDING);
    }

    private static ExecutorService newExecutor() {
        // Two decoders in the first pass; a decoder and compressors in the second.
        return Executors.newFixedThreadPool(3, task -> {
            Thread thread = new Thread(task, "clausecam-visual-diff-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
