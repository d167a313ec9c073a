package org.clausecam.capture;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.ScreenshotCaret;
import com.microsoft.playwright.options.ScreenshotType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.clausecam.png.PngStreamReader;
import org.clausecam.png.PngStreamWriter;

/**
 * Full-page screenshots of any height, in bounded memory.
 *
 * <p>Chromium renders only about 111–123 million pixels of one full-page shot (at 1280 px wide,
 * rows past ~86,870 come back plain white, with no error; measured with Chromium 156, see
 * docs/benchmarks.md). So a page up to
 * {@link #SINGLE_SHOT_PIXELS} is shot once; a taller one is shot in clipped sections of
 * {@link #SECTION_PIXELS}, each read row by row by {@link PngStreamReader} and streamed into one
 * PNG by {@link PngStreamWriter}: memory holds one section's PNG, never the whole picture.
 *
 * <p>Every shot is clipped to the viewport width and the measured scroll height, so the PNG has
 * the same width for every capture of a page (visual diffs line up) and its height is the
 * page's scroll height, single shot or stitched. Owner thread only.
 */
final class FullPageShooter {

    /** Pixels of the largest single shot: 1280 × 16,000, far below where Chromium stops painting. */
    static final long SINGLE_SHOT_PIXELS = 1280L * 16_000;
    /**
     * Pixels of one section of a stitched shot: as many as the largest single shot. Each shot has
     * a fixed cost besides its pixels (Playwright measures the page and puts its still style in,
     * Chromium resizes to the whole page and back), so fewer, larger sections are faster: the
     * 130,645-px corpus page took 7.2 s in 16,000-row sections against 11.6 s in 4,000-row ones
     * (scripts/bench/screenshot-cost), for the same memory ceiling as a single shot.
     */
    static final long SECTION_PIXELS = SINGLE_SHOT_PIXELS;

    /** Freezes what moves, so that two shots of an unchanged page are alike. */
    static final String STILL_STYLE = "*, *::before, *::after { animation: none !important; "
            + "transition: none !important; caret-color: transparent !important; scroll-behavior: auto !important; }";

    private static final String MEASURE = "() => { const d = document.documentElement, b = document.body; "
            + "return Math.max(d ? d.scrollHeight : 0, b ? b.scrollHeight : 0, d ? d.clientHeight : 0); }";

    private static final String LOAD_LAZY_IMAGES = "() => { const lazy = Array.from(document.querySelectorAll('img[loading=\"lazy\"]')); "
            + "lazy.forEach(i => { i.loading = 'eager'; }); window[Symbol.for('clausecam.lazy')] = lazy; return lazy.length; }";
    /** The images made eager for the shot are lazy again, so that the document read after the shot is the one read before. */
    private static final String RESTORE_LAZY_IMAGES = "() => { const key = Symbol.for('clausecam.lazy'); const lazy = window[key]; "
            + "if (lazy) { lazy.forEach(i => { i.loading = 'lazy'; }); delete window[key]; } }";
    private static final String IMAGES_COMPLETE = "() => Array.from(document.images).every(i => i.complete)";
    private static final long LAZY_IMAGES_WAIT_MILLIS = 5_000;
    private static final int WHITE = 0xffffff;

    private FullPageShooter() {
    }

    /** The page's scroll height in CSS pixels. */
    static int measureHeight(Page page) {
        Object height = page.evaluate(MEASURE);
        return height instanceof Number n ? Math.max(1, n.intValue()) : 1;
    }

    /**
     * @param deadline {@link System#nanoTime()} by which the shot must be done; each section
     *                 gets only the time left
     */
    static Screenshot take(Page page, int width, int maxHeight, List<String> hide, long deadline) throws CaptureException {
        boolean lazy = loadLazyImages(page, deadline);
        try {
            return shoot(page, width, maxHeight, hide, deadline);
        } finally {
            if (lazy) {
                restoreLazyImages(page);
            }
        }
    }

    private static Screenshot shoot(Page page, int width, int maxHeight, List<String> hide, long deadline) throws CaptureException {
        String style = style(hide);
        int pageHeight = measureHeight(page);
        int height = Math.min(pageHeight, maxHeight);
        boolean truncated = pageHeight > maxHeight;
        if ((long) width * height <= SINGLE_SHOT_PIXELS) {
            byte[] png = shot(page, 0, width, height, style, deadline);
            int[] size = pngSize(png);
            return new Screenshot(png, size[0], size[1], pageHeight, false, truncated);
        }
        return stitched(page, width, height, pageHeight, truncated, style, deadline);
    }

    private static Screenshot stitched(Page page, int width, int height, int pageHeight, boolean truncated,
                                       String style, long deadline) throws CaptureException {
        int section = (int) Math.max(1, SECTION_PIXELS / width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] row = new int[width];
        try {
            PngStreamWriter png = new PngStreamWriter(out, width, height);
            for (int y = 0; y < height; y += section) {
                int rows = Math.min(section, height - y);
                writeSection(png, shot(page, y, width, rows, style, deadline), y, rows, row);
            }
            png.finish();
        } catch (IOException e) {
            throw new CaptureException("cannot assemble a " + width + "x" + height + " screenshot", e);
        }
        return new Screenshot(out.toByteArray(), width, height, pageHeight, true, truncated);
    }

    /**
     * Copies a section's rows from Chromium's PNG, one row at a time. Where the section is
     * narrower or shorter than asked (a page that shrank since it was measured), the rest is white.
     */
    private static void writeSection(PngStreamWriter png, byte[] shot, int y, int rows, int[] row) throws IOException {
        String name = "Chromium's screenshot of rows " + y + ".." + (y + rows);
        try (PngStreamReader section = PngStreamReader.open(new ByteArrayInputStream(shot), name)) {
            int[] sectionRow = section.width() > row.length ? new int[section.width()] : row;
            for (int r = 0; r < rows; r++) {
                if (r < section.height()) {
                    section.readRows(sectionRow, 0, 1);
                    if (sectionRow != row) {
                        System.arraycopy(sectionRow, 0, row, 0, row.length);
                    }
                    Arrays.fill(row, Math.min(section.width(), row.length), row.length, WHITE);
                } else {
                    Arrays.fill(row, WHITE);
                }
                png.writeRow(row);
            }
        }
    }

    /**
     * The picture's extra style: everything still, and the hidden selectors invisible. It applies
     * during the shot only, so the snapshot and the version keep what is hidden here.
     */
    static String style(List<String> hide) {
        if (hide.isEmpty()) return STILL_STYLE;
        return STILL_STYLE + " " + String.join(", ", hide) + " { visibility: hidden !important; }";
    }

    /**
     * Images marked {@code loading="lazy"} below the fold would be pictured blank: ask for them
     * now and give them a moment (a soft wait: a slow image does not stop the shot).
     */
    /** @return whether some images were made eager (to be made lazy again after the shot) */
    private static boolean loadLazyImages(Page page, long deadline) {
        boolean some = false;
        try {
            Object lazy = page.evaluate(LOAD_LAZY_IMAGES);
            some = lazy instanceof Number n && n.intValue() > 0;
            if (some) {
                long left = Math.min(LAZY_IMAGES_WAIT_MILLIS, (deadline - System.nanoTime()) / 1_000_000 / 4);
                if (left > 0) page.waitForFunction(IMAGES_COMPLETE, null, new Page.WaitForFunctionOptions().setTimeout(left));
            }
        } catch (PlaywrightException slowOrScriptless) {
            // Pictured as they are.
        }
        return some;
    }

    private static void restoreLazyImages(Page page) {
        try {
            page.evaluate(RESTORE_LAZY_IMAGES);
        } catch (PlaywrightException gone) {
            // The page went away: nothing to restore.
        }
    }

    private static byte[] shot(Page page, int y, int width, int height, String style, long deadline) throws CaptureException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new CaptureException("the screenshot of " + page.url() + " was not done in time (stopped at row " + y + ")");
        }
        return page.screenshot(new Page.ScreenshotOptions()
                .setTimeout(left)
                .setType(ScreenshotType.PNG)
                .setFullPage(true)
                .setClip(0, y, width, height)
                .setAnimations(ScreenshotAnimations.DISABLED)
                // Hidden by STILL_STYLE instead: Playwright's own hiding leaves an empty style
                // attribute on every text field, so the page read after the shot differed from
                // the one before, was pictured twice, and kept the attribute in its snapshot.
                .setCaret(ScreenshotCaret.INITIAL)
                .setStyle(style));
    }

    /** Width and height of a PNG Chromium returned. */
    static int[] pngSize(byte[] png) throws CaptureException {
        try (PngStreamReader reader = PngStreamReader.open(new ByteArrayInputStream(png), "Chromium's screenshot")) {
            return new int[] {reader.width(), reader.height()};
        } catch (IOException e) {
            throw new CaptureException("Chromium returned something that is not a PNG this agent reads (" + png.length
                    + " bytes): " + e.getMessage(), e);
        }
    }
}
