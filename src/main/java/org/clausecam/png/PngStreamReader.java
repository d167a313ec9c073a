package org.clausecam.png;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a PNG's rows top to bottom, in bands of any size, as opaque 0xRRGGBB ints: memory holds
 * the rows asked for, never the whole picture. Every non-interlaced PNG is read (grey, RGB,
 * palette, grey or RGB with alpha; 1 to 16 bits per sample), with transparency composited over
 * white as a browser shows it on a page. Adam7-interlaced PNGs cannot be read in bands (their
 * first row arrives in the last pass) and are refused; {@link #canStream} tells beforehand.
 *
 * <p>Why not ImageIO: its PNG reader decodes a 1280×20,000 Chromium screenshot in about 350 ms
 * of CPU into a byte-interleaved image that then needs converting, and it cannot hand out rows
 * in bands: with {@code ImageReadParam.setSourceRegion} every band costs a decoding of the whole
 * picture (measured: 270–300 ms per 2,000-row band, 2.7 s for the ten). Here the same file
 * takes about 265 ms (165 of them inflating), with memory bounded by the rows asked for.
 *
 * <p>Chunk CRCs are not checked; damaged image data shows as a zlib error naming the row.
 * Not thread-safe.
 */
public final class PngStreamReader implements AutoCloseable {

    private static final int INPUT_BYTES = 64 * 1024;

    private final String source;
    private final DataInputStream in;
    private final PngHeader header;
    private final ScanlineDecoder scanlines;
    private final Inflater inflater = new Inflater();
    private final byte[] input = new byte[INPUT_BYTES];
    // Direct buffers for zlib: with heap arrays, each inflate call pins them and blocks the
    // garbage collector (JNI critical section); under a small heap, JDK 17's G1 then fails
    // allocations elsewhere ("Retried waiting for GCLocker too often") with OutOfMemoryError.
    private final ByteBuffer directInput = ByteBuffer.allocateDirect(INPUT_BYTES);
    private ByteBuffer directOutput = ByteBuffer.allocateDirect(0);
    private int idatRemaining;
    private boolean idatEnded;
    private boolean idatCrcPending;
    private int rowsRead;

    private PngStreamReader(String source, DataInputStream in, PngHeader header) {
        this.source = source;
        this.in = in;
        this.header = header;
        this.scanlines = new ScanlineDecoder(header, source);
    }

    /**
     * True for a PNG file that is not interlaced: the ones this reader streams. A damaged one is
     * then refused by {@link #open} with the reason.
     */
    public static boolean canStream(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(29); // signature, IHDR's length, type and 13 bytes of data
            return head.length == 29 && Arrays.equals(head, 0, 8, PngChunks.SIGNATURE, 0, 8) && head[28] == 0;
        }
    }

    /** Opens a PNG file; errors name it. */
    public static PngStreamReader open(Path file) throws IOException {
        return open(Files.newInputStream(file), file.toString());
    }

    /**
     * Reads a PNG from a stream, which is closed with the reader (or here, if it is no PNG this
     * reader can stream).
     *
     * @param source names the picture in errors, e.g. its file
     */
    public static PngStreamReader open(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, INPUT_BYTES));
        try {
            PngHeader header = PngHeader.read(in, source);
            if (header.interlaced()) {
                throw new PngFormatException(source, "an Adam7-interlaced PNG cannot be read in bands of rows; "
                        + "save it without interlacing");
            }
            return new PngStreamReader(source, in, header);
        } catch (EOFException e) {
            in.close();
            throw new PngFormatException(source, "PNG file truncated in its header", e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public int width() {
        return header.width();
    }

    public int height() {
        return header.height();
    }

    /** Fills {@code dst} from {@code offset} with the next {@code rows} rows, {@link #width()} pixels each. */
    public void readRows(int[] dst, int offset, int rows) throws IOException {
        if (rows < 0 || rowsRead + rows > header.height()) {
            throw new IllegalArgumentException(source + ": cannot read " + rows + " rows after row " + rowsRead
                    + " of " + header.height());
        }
        if (rows == 0) {
            return;
        }
        long needed = (long) rows * scanlines.scanlineLength();
        if (needed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source + ": a band of " + rows + " rows of " + header.width()
                    + " pixels is too large to inflate at once; read fewer rows");
        }
        if (directOutput.capacity() < needed) {
            directOutput = ByteBuffer.allocateDirect((int) needed);
        }
        inflateFully((int) needed);
        directOutput.flip();
        for (int r = 0; r < rows; r++) {
            scanlines.decode(directOutput, dst, offset + r * header.width());
        }
        rowsRead += rows;
    }

    private void inflateFully(int length) throws IOException {
        directOutput.clear().limit(length);
        try {
            while (directOutput.hasRemaining()) {
                int n = inflater.inflate(directOutput);
                if (n == 0) {
                    if (inflater.finished()) {
                        int row = rowsRead + directOutput.position() / scanlines.scanlineLength();
                        throw new PngFormatException(source, "PNG image data ends at row " + row + " of " + header.height());
                    }
                    if (inflater.needsDictionary()) {
                        throw new PngFormatException(source, "corrupt PNG: image data asks for a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        feedInput();
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new PngFormatException(source, "corrupt PNG image data near row " + rowsRead, e);
        }
    }

    private void feedInput() throws IOException {
        while (idatRemaining == 0) {
            if (idatEnded) {
                throw new PngFormatException(source, "PNG image data ends at row " + rowsRead + " of " + header.height());
            }
            nextIdat();
        }
        int n = in.read(input, 0, Math.min(input.length, idatRemaining));
        if (n < 0) {
            throw new PngFormatException(source, "PNG file truncated at row " + rowsRead + " of " + header.height());
        }
        idatRemaining -= n;
        directInput.clear();
        directInput.put(input, 0, n).flip();
        inflater.setInput(directInput);
    }

    /** Moves to the next IDAT chunk's data, taking PLTE and tRNS on the way and skipping other chunks. */
    private void nextIdat() throws IOException {
        try {
            if (idatCrcPending) {
                in.skipNBytes(4);
                idatCrcPending = false;
            }
            while (true) {
                int length = in.readInt();
                int type = in.readInt();
                if (length < 0) {
                    throw new PngFormatException(source, "corrupt PNG: chunk of negative length before row " + rowsRead);
                }
                if (type == PngChunks.IDAT) {
                    idatRemaining = length;
                    idatCrcPending = true;
                    return;
                }
                if (type == PngChunks.IEND) {
                    idatEnded = true;
                    return;
                }
                if ((type == PngChunks.PLTE || type == PngChunks.TRNS) && length <= 3 * 256) {
                    byte[] data = in.readNBytes(length);
                    if (type == PngChunks.PLTE) {
                        scanlines.palette(data, data.length);
                    } else {
                        scanlines.transparency(data, data.length);
                    }
                    in.skipNBytes(4);
                } else {
                    in.skipNBytes(length + 4L);
                }
            }
        } catch (EOFException e) {
            throw new PngFormatException(source, "PNG file truncated before row " + rowsRead + " of " + header.height(), e);
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
