package org.clausecam.report;

import org.clausecam.png.PngStreamWriter;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tall policy pages as a browser would picture them: one line of text every {@link #LINE_HEIGHT}
 * pixels, drawn and written band by band, so that a 120,000-px screenshot is made without ever
 * holding it whole. The Markdown version is the same lines, so text and picture agree on where
 * a change is.
 */
final class TallPages {

    static final int WIDTH = 1280;
    static final int LINE_HEIGHT = 20;
    private static final int BAND = 512;

    private TallPages() {
    }

    /** {@code count} lines of an ordinary policy, each numbered, so that every line differs. */
    static List<String> lines(int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            lines.add("Clause " + i + ". We process the data you give us only to provide the service, as section "
                    + (i % 17 + 1) + " explains.");
        }
        return lines;
    }

    /** The lines with {@code inserted} put before line {@code at} (0-based). */
    static List<String> inserting(List<String> lines, int at, List<String> inserted) {
        List<String> changed = new ArrayList<>(lines.subList(0, at));
        changed.addAll(inserted);
        changed.addAll(lines.subList(at, lines.size()));
        return changed;
    }

    static String version(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    /** The page's full-page screenshot as PNG bytes, {@code lines.size() × LINE_HEIGHT} pixels tall. */
    static byte[] screenshot(List<String> lines) {
        int height = lines.size() * LINE_HEIGHT;
        BufferedImage band = new BufferedImage(WIDTH, BAND, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) band.getRaster().getDataBuffer()).getData();
        Graphics2D g = band.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        try (ByteArrayOutputStream png = new ByteArrayOutputStream(); PngStreamWriter writer = new PngStreamWriter(png, WIDTH, height)) {
            for (int top = 0; top < height; top += BAND) {
                int rows = Math.min(BAND, height - top);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, WIDTH, BAND);
                g.setColor(new Color(0x1b1f24));
                int first = top / LINE_HEIGHT;
                int last = Math.min(lines.size() - 1, (top + rows) / LINE_HEIGHT);
                for (int i = first; i <= last; i++) {
                    g.drawString(lines.get(i), 40, i * LINE_HEIGHT + 15 - top);
                }
                int[] rowsOut = writer.newBand(rows);
                System.arraycopy(pixels, 0, rowsOut, 0, rows * WIDTH);
                writer.write(rowsOut, rows);
            }
            writer.finish();
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            g.dispose();
        }
    }
}
