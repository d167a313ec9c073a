package org.clausecam.capture;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
 * <p>A page that scrolls inside one box filling the window is pictured with that box grown to
 * its content ({@link InnerScroller}).
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
     * a fixed cost besides its pixels (Chromium lays the whole page out beyond the viewport and
     * back), so fewer, larger sections are faster: the
     * 130,645-px corpus page took 7.2 s in 16,000-row sections against 11.6 s in 4,000-row ones
     * (scripts/bench/screenshot-cost), for the same memory ceiling as a single shot.
     */
    static final long SECTION_PIXELS = SINGLE_SHOT_PIXELS;

    /** Freezes what moves, so that two shots of an unchanged page are alike. */
    static final String STILL_STYLE = "*, *::before, *::after { animation: none !important; "
            + "transition: none !important; caret-color: transparent !important; scroll-behavior: auto !important; }";

    /** The still style in, and the animations running now ended. */
    private static final String STILL = "css => { const root = document.documentElement; if (!root) return; "
            + "const s = document.createElement('style'); s.setAttribute('data-clausecam-still', ''); s.textContent = css; "
            + "(document.head || root).appendChild(s); "
            + "for (const a of document.getAnimations()) { try { const t = a.effect && a.effect.getComputedTiming(); "
            + "if (t && t.endTime !== Infinity) a.finish(); else a.cancel(); } catch (e) { } } }";
    private static final String UNSTILL = "() => document.querySelectorAll('style[data-clausecam-still]').forEach(s => s.remove())";

    private static final String MEASURE = "() => { const d = document.documentElement, b = document.body; "
            + "return Math.max(d ? d.scrollHeight : 0, b ? b.scrollHeight : 0, d ? d.clientHeight : 0); }";

    private static final String LOAD_LAZY_IMAGES = "() => { const lazy = Array.from(document.querySelectorAll('img[loading=\"lazy\"]')); "
            + "lazy.forEach(i => { i.loading = 'eager'; }); window[Symbol.for('clausecam.lazy')] = lazy; return lazy.length; }";
    /** The images made eager for the shot are lazy again, so that the document read after the shot is the one read before. */
    private static final String RESTORE_LAZY_IMAGES = "() => { const key = Symbol.for('clausecam.lazy'); const lazy = window[key]; "
            + "if (lazy) { lazy.forEach(i => { i.loading = 'lazy'; }); delete window[key]; } }";
    private static final String FONTS_LOADED = "() => !document.fonts || document.fonts.status === 'loaded'";
    private static final long FONTS_WAIT_MILLIS = 3_000;
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
        List<Frame> stilled = still(page, style(hide));
        boolean unclipped = InnerScroller.unclip(page);
        // Web fonts still loading get a moment, as page.screenshot gave them; one that never
        // arrives only means text in a fallback font.
        softWait(page, FONTS_LOADED, FONTS_WAIT_MILLIS, deadline);
        CDPSession cdp = page.context().newCDPSession(page);
        try {
            return shoot(cdp, page, width, maxHeight, deadline);
        } finally {
            detach(cdp);
            if (unclipped) {
                InnerScroller.reclip(page);
            }
            unstill(stilled);
            if (lazy) {
                restoreLazyImages(page);
            }
        }
    }

    /**
     * Puts the picture's style in every frame and ends the animations running there, finite ones
     * at their end and endless ones at their start (what Playwright's {@code animations:
     * "disabled"} does). Once for all the shots of a page.
     *
     * @return the frames where the style went in, to take it out of after the shots
     */
    private static List<Frame> still(Page page, String style) {
        List<Frame> stilled = new ArrayList<>();
        for (Frame frame : page.frames()) {
            try {
                frame.evaluate(STILL, style);
                stilled.add(frame);
            } catch (PlaywrightException detachedOrNavigating) {
                // A frame going away is pictured as it is.
            }
        }
        return stilled;
    }

    /**
     * Waits at most {@code maxMillis}, and at most a quarter of the time left, for {@code
     * condition} to hold in the page; a soft wait: past it, or in a page where it cannot be asked,
     * the picture is taken as the page is.
     */
    private static void softWait(Page page, String condition, long maxMillis, long deadline) {
        long left = Math.min(maxMillis, (deadline - System.nanoTime()) / 1_000_000 / 4);
        if (left <= 0) return;
        try {
            page.waitForFunction(condition, null, new Page.WaitForFunctionOptions().setTimeout(left));
        } catch (PlaywrightException slowOrScriptless) {
            // Pictured as it is.
        }
    }

    private static void unstill(List<Frame> stilled) {
        for (Frame frame : stilled) {
            try {
                frame.evaluate(UNSTILL);
            } catch (PlaywrightException gone) {
                // The frame went away: nothing to take out.
            }
        }
    }

    private static void detach(CDPSession cdp) {
        try {
            cdp.detach();
        } catch (PlaywrightException gone) {
            // The page went away with its session.
        }
    }

    private static Screenshot shoot(CDPSession cdp, Page page, int width, int maxHeight, long deadline) throws CaptureException {
        int pageHeight = measureHeight(page);
        int height = Math.min(pageHeight, maxHeight);
        boolean truncated = pageHeight > maxHeight;
        if ((long) width * height <= SINGLE_SHOT_PIXELS) {
            byte[] png = shot(cdp, page, 0, width, height, deadline);
            int[] size = pngSize(png);
            return new Screenshot(png, size[0], size[1], pageHeight, false, truncated);
        }
        return stitched(cdp, page, width, height, pageHeight, truncated, deadline);
    }

    private static Screenshot stitched(CDPSession cdp, Page page, int width, int height, int pageHeight, boolean truncated,
                                       long deadline) throws CaptureException {
        int section = (int) Math.max(1, SECTION_PIXELS / width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] row = new int[width];
        try {
            PngStreamWriter png = new PngStreamWriter(out, width, height);
            for (int y = 0; y < height; y += section) {
                int rows = Math.min(section, height - y);
                writeSection(png, shot(cdp, page, y, width, rows, deadline), y, rows, row);
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
        boolean some;
        try {
            some = page.evaluate(LOAD_LAZY_IMAGES) instanceof Number n && n.intValue() > 0;
        } catch (PlaywrightException scriptless) {
            return false;
        }
        if (some) softWait(page, IMAGES_COMPLETE, LAZY_IMAGES_WAIT_MILLIS, deadline);
        return some;
    }

    private static void restoreLazyImages(Page page) {
        try {
            page.evaluate(RESTORE_LAZY_IMAGES);
        } catch (PlaywrightException gone) {
            // The page went away: nothing to restore.
        }
    }

    /**
     * One shot of rows {@code y..y+height}, straight from Chromium's DevTools protocol rather than
     * through {@code page.screenshot}: only there can the PNG be encoded for speed
     * ({@code optimizeForSpeed}), which takes a third less time on the browser's one owner thread,
     * where shots were most of the time of a run, for PNGs about a third larger
     * (scripts/bench/screenshot-cost; docs/benchmarks.md, "The screenshot path").
     */
    private static byte[] shot(CDPSession cdp, Page page, int y, int width, int height, long deadline) throws CaptureException {
        if (deadline - System.nanoTime() <= 0) {
            throw new CaptureException("the screenshot of " + page.url() + " was not done in time (stopped at row " + y + ")");
        }
        JsonObject clip = new JsonObject();
        clip.addProperty("x", 0);
        clip.addProperty("y", y);
        clip.addProperty("width", width);
        clip.addProperty("height", height);
        clip.addProperty("scale", 1);
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        params.add("clip", clip);
        params.addProperty("captureBeyondViewport", true);
        params.addProperty("optimizeForSpeed", true);
        JsonObject answer = cdp.send("Page.captureScreenshot", params);
        if (answer == null || !answer.has("data")) {
            throw new CaptureException("Chromium returned no screenshot of " + page.url() + " (rows " + y + ".." + (y + height) + ")");
        }
        return Base64.getDecoder().decode(answer.get("data").getAsString());
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
