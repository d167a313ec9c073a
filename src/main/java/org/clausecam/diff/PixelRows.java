package org.clausecam.diff;

import java.io.IOException;
import java.nio.file.Path;
import org.clausecam.png.PngStreamReader;

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
     * Opens a picture file: PNGs that are not interlaced (what browsers write) are streamed by
     * {@link PngStreamReader}; any other picture ImageIO knows (interlaced PNG, JPEG…) is decoded
     * whole, up to {@link DecodedImageRows#MAX_PIXELS}.
     */
    static PixelRows open(Path file) throws IOException {
        if (PngStreamReader.canStream(file)) {
            return new StreamedPngRows(file);
        }
        return DecodedImageRows.read(file);
    }
}
