package org.clausecam.png;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * What a PNG's IHDR chunk says about its pixels, checked against the combinations the PNG
 * specification allows.
 *
 * @param colourType 0 grey, 2 RGB, 3 palette, 4 grey with alpha, 6 RGBA
 */
record PngHeader(int width, int height, int bitDepth, int colourType, boolean interlaced) {

    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;

    /** Rows are buffered whole; wider than any screenshot viewport is surely not a screenshot. */
    static final int MAX_WIDTH = 1 << 16;

    /**
     * Reads the signature and the IHDR chunk.
     *
     * @param source names the picture in errors
     */
    static PngHeader read(DataInputStream in, String source) throws IOException {
        byte[] signature = in.readNBytes(PngChunks.SIGNATURE.length);
        if (!Arrays.equals(signature, PngChunks.SIGNATURE)) {
            throw new PngFormatException(source, "not a PNG file (no PNG signature)");
        }
        int length = in.readInt();
        if (in.readInt() != PngChunks.IHDR || length != 13) {
            throw new PngFormatException(source, "corrupt PNG: the first chunk is not a 13-byte IHDR");
        }
        int width = in.readInt();
        int height = in.readInt();
        int bitDepth = in.readUnsignedByte();
        int colourType = in.readUnsignedByte();
        int compression = in.readUnsignedByte();
        int filter = in.readUnsignedByte();
        int interlace = in.readUnsignedByte();
        in.skipNBytes(4); // CRC
        if (!allowed(colourType, bitDepth) || compression != 0 || filter != 0 || interlace > 1) {
            throw new PngFormatException(source, "corrupt PNG header (bit depth " + bitDepth + ", colour type "
                    + colourType + ", compression " + compression + ", filter " + filter
                    + ", interlace " + interlace + ")");
        }
        if (width <= 0 || height <= 0 || width > MAX_WIDTH) {
            throw new PngFormatException(source, "PNG of unsupported size " + Integer.toUnsignedString(width) + "×"
                    + Integer.toUnsignedString(height) + " (at most " + MAX_WIDTH + " pixels wide)");
        }
        return new PngHeader(width, height, bitDepth, colourType, interlace == 1);
    }

    private static boolean allowed(int colourType, int bitDepth) {
        return switch (colourType) {
            case GREY -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case PALETTE -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case RGB, GREY_ALPHA, RGBA -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
    }

    int channels() {
        return switch (colourType) {
            case GREY, PALETTE -> 1;
            case GREY_ALPHA -> 2;
            case RGB -> 3;
            default -> 4;
        };
    }

    /** Bytes of one row's samples, without the filter byte. */
    int stride() {
        return (int) (((long) width * channels() * bitDepth + 7) / 8);
    }

    /** The distance in bytes between a byte and the one the filters call "left" (at least 1). */
    int filterDistance() {
        return Math.max(1, channels() * bitDepth / 8);
    }
}
