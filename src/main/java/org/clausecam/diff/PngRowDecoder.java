package org.clausecam.diff;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Streams the rows of an 8-bit, non-interlaced RGB or RGBA PNG straight into int pixels.
 *
 * <p>Why not ImageIO: its PNG reader decodes a 1280×20,000 screenshot in 230–430 ms into a
 * byte-interleaved image that then needs converting, and it cannot hand out rows in bands
 * without decoding from the top again for each band. Inflating and unfiltering here takes
 * about 165 ms for the same file, with memory bounded by the rows asked for.
 */
final class PngRowDecoder implements PixelRows {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454e44;
    private static final int COLOUR_RGB = 2;
    private static final int COLOUR_RGBA = 6;

    private final DataInputStream in;
    private final int width;
    private final int height;
    private final int bytesPerPixel;
    private final int stride;
    private final Inflater inflater = new Inflater();
    private final byte[] input = new byte[64 * 1024];
    private byte[] scanlines = new byte[0];
    private byte[] previous;
    private int idatRemaining;
    private boolean idatEnded;
    private boolean idatCrcPending;
    private int rowsRead;

    private PngRowDecoder(DataInputStream in, int width, int height, int colourType) {
        this.in = in;
        this.width = width;
        this.height = height;
        this.bytesPerPixel = colourType == COLOUR_RGBA ? 4 : 3;
        this.stride = width * bytesPerPixel;
        this.previous = new byte[stride];
    }

    /** True for the PNGs this decoder streams; other pictures go through ImageIO. */
    static boolean canStream(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            byte[] head = in.readNBytes(8 + 8 + 13);
            if (head.length < 29 || !java.util.Arrays.equals(head, 0, 8, SIGNATURE, 0, 8)) {
                return false;
            }
            int bitDepth = head[24];
            int colourType = head[25];
            int interlace = head[28];
            return bitDepth == 8 && (colourType == COLOUR_RGB || colourType == COLOUR_RGBA) && interlace == 0;
        }
    }

    static PngRowDecoder open(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
        try {
            byte[] signature = new byte[8];
            in.readFully(signature);
            if (!java.util.Arrays.equals(signature, SIGNATURE)) {
                throw new IOException("not a PNG file");
            }
            int length = in.readInt();
            if (in.readInt() != IHDR || length != 13) {
                throw new IOException("PNG without a header chunk first");
            }
            int width = in.readInt();
            int height = in.readInt();
            in.readUnsignedByte(); // bit depth, checked by canStream
            int colourType = in.readUnsignedByte();
            in.skipNBytes(3 + 4); // compression, filter, interlace; CRC
            if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE / 2) {
                throw new IOException("PNG of unsupported size " + width + "×" + height);
            }
            return new PngRowDecoder(in, width, height, colourType);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public int width() { return width; }

    @Override
    public int height() { return height; }

    @Override
    public void read(int[] dst, int offset, int rows) throws IOException {
        if (rowsRead + rows > height) {
            throw new IOException("read past the last row " + height);
        }
        if (rows == 0) {
            return;
        }
        int lineLength = stride + 1;
        int needed = rows * lineLength;
        if (scanlines.length < needed) {
            scanlines = new byte[needed];
        }
        inflateFully(scanlines, needed);
        for (int r = 0; r < rows; r++) {
            int start = r * lineLength + 1;
            if (r == 0) {
                unfilter(scanlines[0], scanlines, start, previous, 0);
            } else {
                unfilter(scanlines[start - 1], scanlines, start, scanlines, start - lineLength);
            }
            toPixels(scanlines, start, dst, offset + r * width);
        }
        System.arraycopy(scanlines, (rows - 1) * lineLength + 1, previous, 0, stride);
        rowsRead += rows;
    }

    private void inflateFully(byte[] dst, int length) throws IOException {
        int filled = 0;
        try {
            while (filled < length) {
                int n = inflater.inflate(dst, filled, length - filled);
                filled += n;
                if (n == 0) {
                    if (inflater.finished()) {
                        throw new EOFException("PNG image data ends at row " + (rowsRead + filled / (stride + 1))
                                + " of " + height);
                    }
                    if (inflater.needsInput()) {
                        feedInput();
                    } else if (inflater.needsDictionary()) {
                        throw new IOException("PNG image data asks for a preset dictionary");
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt PNG image data near row " + rowsRead, e);
        }
    }

    private void feedInput() throws IOException {
        while (idatRemaining == 0) {
            if (idatEnded) {
                throw new EOFException("PNG image data ends at row " + rowsRead + " of " + height);
            }
            nextIdat();
        }
        int n = in.read(input, 0, Math.min(input.length, idatRemaining));
        if (n < 0) {
            throw new EOFException("PNG file truncated at row " + rowsRead + " of " + height);
        }
        idatRemaining -= n;
        inflater.setInput(input, 0, n);
    }

    /** Moves to the next IDAT chunk's data, skipping ancillary chunks and CRCs. */
    private void nextIdat() throws IOException {
        if (idatCrcPending) {
            in.skipNBytes(4);
            idatCrcPending = false;
        }
        while (true) {
            int length = in.readInt();
            int type = in.readInt();
            if (type == IDAT) {
                idatRemaining = length;
                idatCrcPending = true;
                return;
            }
            if (type == IEND) {
                idatEnded = true;
                return;
            }
            in.skipNBytes(length + 4L);
        }
    }

    /** Undoes a row's PNG filter in place; {@code prev} at {@code p} holds the row above, already unfiltered. */
    private void unfilter(byte filter, byte[] line, int start, byte[] prev, int p) throws IOException {
        int bpp = bytesPerPixel;
        int end = start + stride;
        switch (filter) {
            case 0 -> { }
            case 1 -> {
                for (int i = start + bpp; i < end; i++) {
                    line[i] += line[i - bpp];
                }
            }
            case 2 -> {
                for (int i = start, j = p; i < end; i++, j++) {
                    line[i] += prev[j];
                }
            }
            case 3 -> {
                for (int i = start, j = p; i < start + bpp; i++, j++) {
                    line[i] += (prev[j] & 0xff) >>> 1;
                }
                for (int i = start + bpp, j = p + bpp; i < end; i++, j++) {
                    line[i] += ((line[i - bpp] & 0xff) + (prev[j] & 0xff)) >>> 1;
                }
            }
            case 4 -> {
                for (int i = start, j = p; i < start + bpp; i++, j++) {
                    line[i] += prev[j];
                }
                for (int i = start + bpp, j = p + bpp; i < end; i++, j++) {
                    int a = line[i - bpp] & 0xff;
                    int b = prev[j] & 0xff;
                    int c = prev[j - bpp] & 0xff;
                    int pa = Math.abs(b - c);
                    int pb = Math.abs(a - c);
                    int pc = Math.abs(a + b - 2 * c);
                    line[i] += (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
                }
            }
            default -> throw new IOException("corrupt PNG: unknown row filter " + filter + " at row " + rowsRead);
        }
    }

    private void toPixels(byte[] line, int start, int[] dst, int offset) {
        if (bytesPerPixel == 3) {
            for (int x = 0, i = start; x < width; x++, i += 3) {
                dst[offset + x] = (line[i] & 0xff) << 16 | (line[i + 1] & 0xff) << 8 | (line[i + 2] & 0xff);
            }
        } else {
            for (int x = 0, i = start; x < width; x++, i += 4) {
                int r = line[i] & 0xff;
                int g = line[i + 1] & 0xff;
                int b = line[i + 2] & 0xff;
                int a = line[i + 3] & 0xff;
                if (a != 255) {
                    // Composite over white, as the page background a browser would show.
                    int white = 255 * (255 - a);
                    r = (r * a + white) / 255;
                    g = (g * a + white) / 255;
                    b = (b * a + white) / 255;
                }
                dst[offset + x] = r << 16 | g << 8 | b;
            }
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
