package org.clausecam.diff;

import java.io.IOException;
import java.nio.file.Path;
import org.clausecam.png.PngStreamReader;

/** The rows of a PNG file, decoded band by band as they are asked for. */
final class StreamedPngRows implements PixelRows {

    private final PngStreamReader reader;

    StreamedPngRows(Path file) throws IOException {
        this.reader = PngStreamReader.open(file);
    }

    @Override
    public int width() { return reader.width(); }

    @Override
    public int height() { return reader.height(); }

    @Override
    public void read(int[] dst, int offset, int rows) throws IOException {
        reader.readRows(dst, offset, rows);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
