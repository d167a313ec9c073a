package org.clausecam.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rows of one picture, read top to bottom as opaque 0xRRGGBB ints. Reading sequentially
 * lets tall screenshots be compared in bands without holding them whole.
 */
interface PixelRows extends AutoCloseable {

    int width();

    int height();

    /** Fills {@code dst} from {@code offset} with the next {@code rows} rows, {@code width()} ints each. */
    void read(int[] dst, int offset, int rows) throws IOException;

    @Override
    void close() throws IOException;

    /**
     * Opens a picture file: 8-bit RGB and RGBA PNGs (what browsers write) are streamed by
     * {@link PngRowDecoder}; any other picture ImageIO knows is decoded whole.
     */
    static PixelRows open(Path file) throws IOException {
        if (PngRowDecoder.canStream(file)) {
            return PngRowDecoder.open(file);
        }
        return DecodedImageRows.read(file);
    }

    /** True when the file starts with the PNG signature. */
    static boolean isPng(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return head.length == 8 && java.util.Arrays.equals(head, PngRowDecoder.SIGNATURE);
        }
    }
}
