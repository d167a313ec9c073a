package org.clausecam.png;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Turns a non-interlaced PNG's scanlines, top to bottom, into opaque 0xRRGGBB pixels as a
 * browser shows them on a white page: samples scaled to 8 bits (16-bit ones rounded), every
 * kind of transparency (alpha channel, palette alpha, tRNS colour key) composited over white.
 */
final class ScanlineDecoder {

    private static final int WHITE = 0xffffff;

    private final String source;
    private final int colourType;
    private final int depth;
    private final int width;
    private final int stride;
    private final int distance;
    private final int[] paletteRgb = new int[256];
    private final int[] paletteAlpha = new int[256];
    /** Palette entries as they show on white, from {@link #paletteRgb} and {@link #paletteAlpha}. */
    private final int[] palette = new int[256];
    /** The tRNS colour key of grey or RGB pictures, as raw samples; -1 for none. */
    private int keyGrey = -1;
    private long keyRgb = -1;
    private byte[] previous;
    private byte[] current;
    private int row;

    ScanlineDecoder(PngHeader header, String source) {
        this.source = source;
        this.colourType = header.colourType();
        this.depth = header.bitDepth();
        this.width = header.width();
        this.stride = header.stride();
        this.distance = header.filterDistance();
        this.previous = new byte[stride];
        this.current = new byte[stride];
        Arrays.fill(paletteAlpha, 255);
    }

    /** The bytes of one scanline as stored: a filter byte, then the samples. */
    int scanlineLength() {
        return stride + 1;
    }

    /** Takes the PLTE chunk's entries (3 bytes each). */
    void palette(byte[] entries, int length) {
        for (int i = 0; i < Math.min(256, length / 3); i++) {
            paletteRgb[i] = (entries[3 * i] & 0xff) << 16 | (entries[3 * i + 1] & 0xff) << 8 | (entries[3 * i + 2] & 0xff);
        }
        composePalette();
    }

    /** Takes the tRNS chunk: alpha per palette entry, or the colour key of a grey or RGB picture. */
    void transparency(byte[] data, int length) {
        switch (colourType) {
            case PngHeader.PALETTE -> {
                for (int i = 0; i < Math.min(256, length); i++) {
                    paletteAlpha[i] = data[i] & 0xff;
                }
                composePalette();
            }
            case PngHeader.GREY -> keyGrey = length >= 2 ? uint16(data, 0) : -1;
            case PngHeader.RGB -> keyRgb = length >= 6
                    ? (long) uint16(data, 0) << 32 | (long) uint16(data, 2) << 16 | uint16(data, 4) : -1;
            default -> { } // pictures with an alpha channel have no tRNS
        }
    }

    /** Decodes the next scanline from {@code scanlines} into {@code width} pixels of {@code dst} at {@code offset}. */
    void decode(ByteBuffer scanlines, int[] dst, int offset) throws IOException {
        byte filter = scanlines.get();
        scanlines.get(current, 0, stride);
        if (colourType == PngHeader.RGB && depth == 8 && keyRgb < 0 && (filter == 1 || filter == 2 || filter == 4)) {
            // What Chromium writes: undo the filter and make the pixels in one pass over the row.
            unfilterRgbToPixels(filter, dst, offset);
        } else {
            unfilter(filter);
            toPixels(dst, offset);
        }
        byte[] swap = previous;
        previous = current;
        current = swap;
        row++;
    }

    /** Undoes a row's PNG filter in place, {@link #previous} holding the row above, already unfiltered. */
    private void unfilter(byte filter) throws IOException {
        byte[] line = current;
        byte[] prev = previous;
        int bpp = distance;
        switch (filter) {
            case 0 -> { }
            case 1 -> {
                for (int i = bpp; i < stride; i++) {
                    line[i] += line[i - bpp];
                }
            }
            case 2 -> {
                for (int i = 0; i < stride; i++) {
                    line[i] += prev[i];
                }
            }
            case 3 -> {
                for (int i = 0; i < bpp; i++) {
                    line[i] += (prev[i] & 0xff) >>> 1;
                }
                for (int i = bpp; i < stride; i++) {
                    line[i] += ((line[i - bpp] & 0xff) + (prev[i] & 0xff)) >>> 1;
                }
            }
            case 4 -> {
                for (int i = 0; i < bpp; i++) {
                    line[i] += prev[i];
                }
                for (int i = bpp; i < stride; i++) {
                    line[i] += paeth(line[i - bpp] & 0xff, prev[i] & 0xff, prev[i - bpp] & 0xff);
                }
            }
            default -> throw new PngFormatException(source, "corrupt PNG: unknown row filter " + filter + " at row " + row);
        }
    }

    /**
     * Undoes the Sub, Up or Paeth filter of an 8-bit RGB row and writes its pixels in the same
     * pass; the left and upper-left bytes stay in registers. Most of a Chromium screenshot's
     * decoding time after inflating is spent here.
     */
    private void unfilterRgbToPixels(byte filter, int[] dst, int offset) {
        byte[] line = current;
        byte[] prev = previous;
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

    private void toPixels(int[] dst, int offset) {
        byte[] line = current;
        switch (colourType) {
            case PngHeader.PALETTE -> {
                for (int x = 0; x < width; x++) {
                    dst[offset + x] = palette[sample(line, x)];
                }
            }
            case PngHeader.GREY -> {
                for (int x = 0; x < width; x++) {
                    int v = sample(line, x);
                    dst[offset + x] = v == keyGrey ? WHITE : grey(to8(v));
                }
            }
            case PngHeader.GREY_ALPHA -> {
                for (int x = 0; x < width; x++) {
                    dst[offset + x] = grey(overWhite(to8(sample(line, 2 * x)), to8(sample(line, 2 * x + 1))));
                }
            }
            case PngHeader.RGB -> {
                for (int x = 0; x < width; x++) {
                    int r = sample(line, 3 * x);
                    int g = sample(line, 3 * x + 1);
                    int b = sample(line, 3 * x + 2);
                    boolean keyed = ((long) r << 32 | (long) g << 16 | b) == keyRgb;
                    dst[offset + x] = keyed ? WHITE : to8(r) << 16 | to8(g) << 8 | to8(b);
                }
            }
            default -> rgbaToPixels(line, dst, offset);
        }
    }

    private void rgbaToPixels(byte[] line, int[] dst, int offset) {
        for (int x = 0; x < width; x++) {
            int r = to8(sample(line, 4 * x));
            int g = to8(sample(line, 4 * x + 1));
            int b = to8(sample(line, 4 * x + 2));
            int a = to8(sample(line, 4 * x + 3));
            dst[offset + x] = a == 255 ? r << 16 | g << 8 | b
                    : overWhite(r, a) << 16 | overWhite(g, a) << 8 | overWhite(b, a);
        }
    }

    /** The {@code i}-th sample of a row, at the picture's bit depth. */
    private int sample(byte[] line, int i) {
        return switch (depth) {
            case 8 -> line[i] & 0xff;
            case 16 -> uint16(line, 2 * i);
            default -> {
                int bit = i * depth;
                yield (line[bit >>> 3] >>> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
            }
        };
    }

    /** A sample scaled to 0..255: 16-bit ones rounded to the nearest, 1-, 2- and 4-bit ones spread. */
    private int to8(int sample) {
        return switch (depth) {
            case 8 -> sample;
            case 16 -> (sample + 128) / 257;
            default -> sample * (255 / ((1 << depth) - 1));
        };
    }

    private void composePalette() {
        for (int i = 0; i < 256; i++) {
            int c = paletteRgb[i];
            int a = paletteAlpha[i];
            palette[i] = overWhite(c >> 16 & 0xff, a) << 16 | overWhite(c >> 8 & 0xff, a) << 8 | overWhite(c & 0xff, a);
        }
    }

    private static int uint16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static int grey(int g) {
        return g << 16 | g << 8 | g;
    }

    /** A channel of a translucent pixel as seen on a white page, as a browser would show it. */
    private static int overWhite(int channel, int alpha) {
        return (channel * alpha + 255 * (255 - alpha)) / 255;
    }
}
