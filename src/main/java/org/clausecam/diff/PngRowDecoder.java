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
 * Streams the rows of an 8-bit, non-interlaced PNG (RGB, RGBA, palette, grey, grey with alpha)
 * straight into int pixels. Transparency is composited over white; a tRNS colour key on grey
 * or RGB pictures is ignored (screenshots have none).
 *
 * <p>Why not ImageIO: its PNG reader decodes a 1280×20,000 Chromium screenshot in about 350 ms
 * of CPU into a byte-interleaved image that then needs converting, and it cannot hand out rows
 * in bands: with {@code ImageReadParam.setSourceRegion} every band costs a decoding of the whole
 * picture (measured: 270–300 ms per 2,000-row band, 2.7 s for the ten). Here the same file
 * takes about 265 ms (165 of them inflating), with memory bounded by the rows asked for.
 */
final class PngRowDecoder implements PixelRows {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454e44;
    private static final int PLTE = 0x504c5445;
    private static final int TRNS = 0x74524e53;
    private static final int COLOUR_GREY = 0;
    private static final int COLOUR_RGB = 2;
    private static final int COLOUR_PALETTE = 3;
    private static final int COLOUR_GREY_ALPHA = 4;
    private static final int COLOUR_RGBA = 6;
    /** Rows are buffered whole; wider than any screenshot viewport is surely not a screenshot. */
    static final int MAX_WIDTH = 1 << 16;

    private final DataInputStream in;
    private final int width;
    private final int height;
    private final int colourType;
    private final int bytesPerPixel;
    /** Palette entries as opaque 0xRRGGBB, transparency already composited over white. */
    private final int[] palette = new int[256];
    private final int[] paletteAlpha = new int[256];
    private final int stride;
    private final Inflater inflater = new Inflater();
    private final byte[] input = new byte[64 * 1024];
    // Direct buffers for zlib: with heap arrays, each inflate call pins them and blocks the
    // garbage collector (JNI critical section); under a small heap, JDK 17's G1 then fails
    // allocations elsewhere ("Retried waiting for GCLocker too often") with OutOfMemoryError.
    private final ByteBuffer directInput = ByteBuffer.allocateDirect(64 * 1024);
    private ByteBuffer directOutput = ByteBuffer.allocateDirect(0);
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
        this.colourType = colourType;
        this.bytesPerPixel = switch (colourType) {
            case COLOUR_GREY, COLOUR_PALETTE -> 1;
            case COLOUR_GREY_ALPHA -> 2;
            case COLOUR_RGB -> 3;
            default -> 4;
        };
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
            return bitDepth == 8 && interlace == 0 && (colourType == COLOUR_GREY || colourType == COLOUR_RGB
                    || colourType == COLOUR_PALETTE || colourType == COLOUR_GREY_ALPHA || colourType == COLOUR_RGBA);
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
        int needed = rows * (stride + 1);
        if (directOutput.capacity() < needed) {
            directOutput = ByteBuffer.allocateDirect(needed);
        }
        inflateFully(needed);
        directOutput.flip();
        for (int r = 0; r < rows; r++) {
            byte filter = directOutput.get();
            directOutput.get(current, 0, stride);
            if (bytesPerPixel == 3 && (filter == 1 || filter == 2 || filter == 4)) {
                // Browsers write RGB: undo the filter and make the pixels in one pass over the row.
                unfilterRgbToPixels(filter, current, previous, dst, offset + r * width);
            } else {
                unfilter(filter, current, 0, previous, 0);
                toPixels(current, 0, dst, offset + r * width);
            }
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
            if (type == PLTE && length <= 3 * 256) {
                for (int i = 0; i < length / 3; i++) {
                    palette[i] = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
                }
                in.skipNBytes(length % 3 + 4L);
            } else if (type == TRNS && colourType == COLOUR_PALETTE && length <= 256) {
                for (int i = 0; i < length; i++) {
                    paletteAlpha[i] = in.readUnsignedByte();
                }
                in.skipNBytes(4);
                compositePalette(length);
            } else {
                in.skipNBytes(length + 4L);
            }
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

    /**
     * Undoes the Sub, Up or Paeth filter of an RGB row and writes its pixels in the same pass;
     * the left and upper-left bytes stay in registers. Most of a Chromium screenshot's decoding
     * time after inflating is spent here.
     */
    private void unfilterRgbToPixels(byte filter, byte[] line, byte[] prev, int[] dst, int offset) {
        int leftR = 0, leftG = 0, leftB = 0;
        int upLeftR = 0, upLeftG = 0, upLeftB = 0;
        for (int i = 0, x = offset; i < stride; i += 3, x++) {
            int upR = prev[i] & 0xff;
            int upG = prev[i + 1] & 0xff;
            int upB = prev[i + 2] & 0xff;
            int r;
            int g;
            int b;
            if (filter == 2) {
                r = (line[i] + upR) & 0xff;
                g = (line[i + 1] + upG) & 0xff;
                b = (line[i + 2] + upB) & 0xff;
            } else if (filter == 1) {
                r = (line[i] + leftR) & 0xff;
                g = (line[i + 1] + leftG) & 0xff;
                b = (line[i + 2] + leftB) & 0xff;
            } else {
                r = (line[i] + paeth(leftR, upR, upLeftR)) & 0xff;
                g = (line[i + 1] + paeth(leftG, upG, upLeftG)) & 0xff;
                b = (line[i + 2] + paeth(leftB, upB, upLeftB)) & 0xff;
            }
            line[i] = (byte) r;
            line[i + 1] = (byte) g;
            line[i + 2] = (byte) b;
            dst[x] = r << 16 | g << 8 | b;
            leftR = r;
            leftG = g;
            leftB = b;
            upLeftR = upR;
            upLeftG = upG;
            upLeftB = upB;
        }
    }

    private static int paeth(int a, int b, int c) {
        if (b == c) {
            return a; // flat above: the common case on screenshots, and what the full test gives
        }
        int pa = Math.abs(b - c);
        int pb = Math.abs(a - c);
        int pc = Math.abs(a + b - 2 * c);
        return (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
    }

    private void compositePalette(int entries) {
        for (int i = 0; i < entries; i++) {
            int c = palette[i];
            palette[i] = overWhite(c >> 16 & 0xff, paletteAlpha[i]) << 16
                    | overWhite(c >> 8 & 0xff, paletteAlpha[i]) << 8 | overWhite(c & 0xff, paletteAlpha[i]);
        }
    }

    /** A channel of a translucent pixel as seen on a white page, as a browser would show it. */
    private static int overWhite(int channel, int alpha) {
        return (channel * alpha + 255 * (255 - alpha)) / 255;
    }

    private void toPixels(byte[] line, int start, int[] dst, int offset) {
        if (colourType == COLOUR_GREY) {
            for (int x = 0; x < width; x++) {
                int g = line[start + x] & 0xff;
                dst[offset + x] = g << 16 | g << 8 | g;
            }
            return;
        }
        if (colourType == COLOUR_PALETTE) {
            for (int x = 0; x < width; x++) {
                dst[offset + x] = palette[line[start + x] & 0xff];
            }
            return;
        }
        if (colourType == COLOUR_GREY_ALPHA) {
            for (int x = 0, i = start; x < width; x++, i += 2) {
                int g = overWhite(line[i] & 0xff, line[i + 1] & 0xff);
                dst[offset + x] = g << 16 | g << 8 | g;
            }
            return;
        }
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
