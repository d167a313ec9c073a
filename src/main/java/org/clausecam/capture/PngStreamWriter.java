package org.clausecam.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an 8-bit RGB PNG one row at a time, so that a picture 200,000 rows tall is encoded
 * while holding only a row or two: rows are filtered ("Up", which suits pages made of long
 * runs of identical rows) and deflated straight into IDAT chunks.
 *
 * <p>Usage: construct with the final size, {@link #writeRow} exactly {@code height} times, then
 * {@link #finish()}. Not thread-safe.
 */
final class PngStreamWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int IDAT_SIZE = 256 * 1024;
    private static final byte FILTER_UP = 2;

    private final OutputStream out;
    private final int width;
    private final int height;
    private final Deflater deflater = new Deflater(6);
    private final byte[] previous;
    private final byte[] current;
    private final byte[] filtered;
    private final byte[] deflated = new byte[IDAT_SIZE];
    private int pending;
    private int rowsWritten;
    private boolean finished;

    PngStreamWriter(OutputStream out, int width, int height) throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a PNG must be at least 1x1, not " + width + "x" + height);
        }
        this.out = out;
        this.width = width;
        this.height = height;
        this.previous = new byte[width * 3];
        this.current = new byte[width * 3];
        this.filtered = new byte[1 + width * 3];
        out.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;   // bits per sample
        header[9] = 2;   // colour type: RGB
        header[10] = 0;  // deflate
        header[11] = 0;  // adaptive filtering
        header[12] = 0;  // no interlace
        chunk("IHDR", header, header.length);
    }

    /** Writes the next row; {@code argb} holds at least {@code width} pixels as from {@code BufferedImage.getRGB}. */
    void writeRow(int[] argb) throws IOException {
        for (int x = 0, i = 0; x < width; x++, i += 3) {
            int p = argb[x];
            current[i] = (byte) (p >>> 16);
            current[i + 1] = (byte) (p >>> 8);
            current[i + 2] = (byte) p;
        }
        writeCurrentRow();
    }

    /**
     * Writes the next row from 3-byte BGR samples ({@code TYPE_3BYTE_BGR} rasters, what ImageIO
     * decodes Chromium's PNGs to): a copy without per-pixel colour-model calls.
     *
     * @param bgr    the samples
     * @param offset index of the row's first sample
     * @param pixels pixels available there; the rest of the row is white
     */
    void writeBgrRow(byte[] bgr, int offset, int pixels) throws IOException {
        int n = Math.min(pixels, width);
        for (int x = 0, i = 0, j = offset; x < n; x++, i += 3, j += 3) {
            current[i] = bgr[j + 2];
            current[i + 1] = bgr[j + 1];
            current[i + 2] = bgr[j];
        }
        java.util.Arrays.fill(current, n * 3, current.length, (byte) 0xff);
        writeCurrentRow();
    }

    private void writeCurrentRow() throws IOException {
        if (rowsWritten == height) {
            throw new IllegalStateException("all " + height + " rows were already written");
        }
        filtered[0] = FILTER_UP;
        for (int i = 0; i < current.length; i++) {
            filtered[1 + i] = (byte) (current[i] - previous[i]);
        }
        System.arraycopy(current, 0, previous, 0, current.length);
        deflater.setInput(filtered);
        while (!deflater.needsInput()) {
            drain(Deflater.NO_FLUSH);
        }
        rowsWritten++;
    }

    /** Ends the image data and writes IEND; the output stream is left open. */
    void finish() throws IOException {
        if (rowsWritten != height) {
            throw new IllegalStateException("only " + rowsWritten + " of " + height + " rows were written");
        }
        if (finished) {
            return;
        }
        deflater.finish();
        while (!deflater.finished()) {
            drain(Deflater.NO_FLUSH);
        }
        deflater.end();
        if (pending > 0) {
            chunk("IDAT", deflated, pending);
            pending = 0;
        }
        chunk("IEND", new byte[0], 0);
        finished = true;
    }

    int rowsWritten() {
        return rowsWritten;
    }

    /** Deflates into the pending IDAT buffer, writing a chunk each time it fills. */
    private void drain(int flush) throws IOException {
        pending += deflater.deflate(deflated, pending, deflated.length - pending, flush);
        if (pending == deflated.length) {
            chunk("IDAT", deflated, pending);
            pending = 0;
        }
    }

    private void chunk(String type, byte[] data, int length) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] len = new byte[4];
        putInt(len, 0, length);
        out.write(len);
        out.write(typeBytes);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.write(sum);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
