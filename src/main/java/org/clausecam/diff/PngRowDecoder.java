package org.clausecam.diff;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
    /** Rows are buffered whole; wider than any screenshot viewport is surely not a screenshot. */
    static final int MAX_WIDTH = 1 << 16;

    private final DataInputStream in;
    private final int width;
    private final int height;
    private final int bytesPerPixel;
    private final int stride;
    private final Inflater inflater = new Inflater();
    private final byte[] input = new byte[64 * 1024];
    // Direct buffers for zlib: with heap arrays, each inflate call pins them and blocks the
    // garbage collector (JNI critical section); under a small heap, JDK 17's G1 then fails
    // allocations elsewhere ("Retried waiting for GCLocker too often") with OutOfMemoryError.
    private final ByteBuffer directInput = ByteBuffer.allocateDirect(64 * 1024);
    private ByteBuffer directOutput = ByteBuffer.allocateDirect(0);
    private byte[] scanlines = new byte[0];
    private byte[] previous;
    private byte[] current;
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
        this.current = new byte[stride];
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
            if (width <= 0 || height <= 0 || width > MAX_WIDTH) {
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
        if (directOutput.capacity() < needed) {
            directOutput = ByteBuffer.allocateDirect(needed);
        }
        inflateFully(needed);
        directOutput.flip();
        directOutput.get(scanlines, 0, needed);
        for (int r = 0; r < rows; r++) {
            // Unfiltering between two separate row arrays (not within the band buffer) lets the
            // JIT vectorise the Up and Sub loops.
            System.arraycopy(scanlines, r * lineLength + 1, current, 0, stride);
            unfilter(scanlines[r * lineLength], current, 0, previous, 0);
            toPixels(current, 0, dst, offset + r * width);
            byte[] swap = previous;
            previous = current;
            current = swap;
        }
        rowsRead += rows;
    }

    private void inflateFully(int length) throws IOException {
        directOutput.clear().limit(length);
        try {
            while (directOutput.hasRemaining()) {
                int n = inflater.inflate(directOutput);
                int filled = directOutput.position();
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
        directInput.clear();
        directInput.put(input, 0, n).flip();
        inflater.setInput(directInput);
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
                if (bpp == 3) {
                    paethRgb(line, start, prev, p);
                    return;
                }
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

    /**
     * The Paeth filter for RGB rows, most of a Chromium screenshot's decoding time after
     * inflating: the left and upper-left bytes stay in registers instead of being re-read.
     */
    private void paethRgb(byte[] line, int start, byte[] prev, int p) {
        int leftR = 0, leftG = 0, leftB = 0;
        int upLeftR = 0, upLeftG = 0, upLeftB = 0;
        for (int i = start, j = p, end = start + stride; i < end; i += 3, j += 3) {
            int upR = prev[j] & 0xff;
            int upG = prev[j + 1] & 0xff;
            int upB = prev[j + 2] & 0xff;
            leftR = (line[i] + paeth(leftR, upR, upLeftR)) & 0xff;
            leftG = (line[i + 1] + paeth(leftG, upG, upLeftG)) & 0xff;
            leftB = (line[i + 2] + paeth(leftB, upB, upLeftB)) & 0xff;
            line[i] = (byte) leftR;
            line[i + 1] = (byte) leftG;
            line[i + 2] = (byte) leftB;
            upLeftR = upR;
            upLeftG = upG;
            upLeftB = upB;
        }
    }

    private static int paeth(int a, int b, int c) {
        int pa = Math.abs(b - c);
        int pb = Math.abs(a - c);
        int pc = Math.abs(a + b - 2 * c);
        return (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
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
