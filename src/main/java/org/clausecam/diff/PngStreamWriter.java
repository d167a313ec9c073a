package org.clausecam.diff;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an 8-bit RGB PNG band by band, compressing bands in parallel.
 *
 * <p>Why: deflating a 1280×20,000 screenshot on one thread takes about 160 ms even at a fast
 * level, a large part of the one-second budget. As pigz does, each band is deflated on its
 * own and ends on a byte boundary (a sync flush), so the pieces concatenate into one valid
 * zlib stream; the Adler-32 checksums of the bands combine into the stream's checksum.
 */
final class PngStreamWriter implements AutoCloseable {

    private static final int LEVEL = 2; // measured faster than 1 on screenshots, and smaller
    private static final int MAX_BANDS_IN_FLIGHT = 4;
    private static final int ADLER_BASE = 65521;

    private record Compressed(byte[] data, int length, long adler, long rawLength) { }

    private final OutputStream out;
    private final ExecutorService executor;
    private final int width;
    private final int height;
    private final ArrayDeque<Future<Compressed>> inFlight = new ArrayDeque<>();
    private final Queue<int[]> sparePixels = new ConcurrentLinkedQueue<>();
    private final Queue<byte[]> spareScanlines = new ConcurrentLinkedQueue<>();
    private final Queue<ByteBuffer> spareInputs = new ConcurrentLinkedQueue<>();
    private final Queue<ByteBuffer> spareOutputs = new ConcurrentLinkedQueue<>();
    private int rowsWritten;
    private long adler = 1;

    PngStreamWriter(Path file, int width, int height, ExecutorService executor) throws IOException {
        this.width = width;
        this.height = height;
        this.executor = executor;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024);
        out.write(PngRowDecoder.SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(header);
        fields.writeInt(width);
        fields.writeInt(height);
        fields.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit, RGB, deflate, adaptive filters, no interlace
        chunk("IHDR", header.toByteArray(), header.size());
        chunk("IDAT", new byte[] {0x78, 0x01}, 2); // zlib header: deflate, 32K window
    }

    /**
     * An array for the next band of {@code rows} rows, recycled from bands already written:
     * tall pictures would otherwise allocate their whole size again in short-lived arrays.
     */
    int[] newBand(int rows) {
        int[] band = sparePixels.poll();
        return band != null && band.length >= rows * width ? band : new int[rows * width];
    }

    /**
     * Writes the next {@code rows} rows of 0xRRGGBB pixels held in {@code pixels} from index 0.
     * The array is read later on a worker thread: the caller must not change it any more.
     */
    void write(int[] pixels, int rows) throws IOException {
        rowsWritten += rows;
        boolean last = rowsWritten == height;
        inFlight.addLast(executor.submit(() -> compress(pixels, rows, last)));
        while (inFlight.size() > MAX_BANDS_IN_FLIGHT) {
            writeOldest();
        }
    }

    private Compressed compress(int[] pixels, int rows, boolean last) {
        int length = rows * (width * 3 + 1);
        byte[] raw = spareScanlines.poll();
        if (raw == null || raw.length < length) {
            raw = new byte[length];
        }
        toScanlines(pixels, rows, raw);
        recycle(sparePixels, pixels);
        // Direct buffers for zlib: heap arrays would be pinned during each call, blocking the
        // garbage collector (see PngRowDecoder).
        ByteBuffer input = spareInputs.poll();
        if (input == null || input.capacity() < length) {
            input = ByteBuffer.allocateDirect(length);
        }
        input.clear();
        input.put(raw, 0, length).flip();
        recycle(spareScanlines, raw);
        Compressed compressed = deflate(input, last);
        recycle(spareInputs, input);
        return compressed;
    }

    /** Keeps a few buffers for the next bands, never more than can be in flight. */
    private static <T> void recycle(Queue<T> spares, T buffer) {
        if (spares.size() <= MAX_BANDS_IN_FLIGHT) {
            spares.offer(buffer);
        }
    }

    private void toScanlines(int[] pixels, int rows, byte[] raw) {
        for (int r = 0, i = 0; r < rows; r++) {
            raw[i++] = 0; // filter "none": cheapest, and screenshots compress well without one
            for (int x = 0, p = r * width; x < width; x++, p++) {
                int c = pixels[p];
                raw[i++] = (byte) (c >> 16);
                raw[i++] = (byte) (c >> 8);
                raw[i++] = (byte) c;
            }
        }
    }

    private Compressed deflate(ByteBuffer raw, boolean last) {
        int rawLength = raw.remaining();
        Adler32 checksum = new Adler32();
        checksum.update(raw.duplicate());
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            deflater.setInput(raw);
            ByteBuffer output = spareOutputs.poll();
            if (output == null) {
                output = ByteBuffer.allocateDirect(Math.max(4096, rawLength / 8));
            }
            output.clear();
            if (last) {
                deflater.finish();
            }
            while (true) {
                if (!output.hasRemaining()) {
                    ByteBuffer larger = ByteBuffer.allocateDirect(output.capacity() * 2);
                    output.flip();
                    larger.put(output);
                    output = larger;
                }
                int room = output.remaining();
                int n = last ? deflater.deflate(output) : deflater.deflate(output, Deflater.SYNC_FLUSH);
                if (last ? deflater.finished() : n < room) {
                    break;
                }
            }
            output.flip();
            byte[] data = new byte[output.remaining()];
            output.get(data);
            recycle(spareOutputs, output);
            return new Compressed(data, data.length, checksum.getValue(), rawLength);
        } finally {
            deflater.end();
        }
    }

    private void writeOldest() throws IOException {
        Compressed band;
        try {
            band = inFlight.removeFirst().get();
        } catch (ExecutionException e) {
            throw new IOException("cannot compress the picture", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing the picture", e);
        }
        chunk("IDAT", band.data(), band.length());
        adler = combineAdler(adler, band.adler(), band.rawLength());
    }

    /** The Adler-32 of two pieces of data from their own checksums (as zlib's adler32_combine). */
    static long combineAdler(long first, long second, long secondLength) {
        long rem = secondLength % ADLER_BASE;
        long sum1 = first & 0xffff;
        long sum2 = (rem * sum1) % ADLER_BASE;
        sum1 += (second & 0xffff) + ADLER_BASE - 1;
        sum2 += ((first >> 16) & 0xffff) + ((second >> 16) & 0xffff) + ADLER_BASE - rem;
        sum1 %= ADLER_BASE;
        sum2 %= ADLER_BASE;
        return sum1 | (sum2 << 16);
    }

    private void chunk(String type, byte[] data, int length) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        writeInt(length);
        out.write(name);
        out.write(data, 0, length);
        writeInt((int) crc.getValue());
    }

    private void writeInt(int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    /** Writes the remaining bands and the end of the file; all rows must have been written. */
    void finish() throws IOException {
        if (rowsWritten != height) {
            throw new IOException("picture has " + rowsWritten + " rows of " + height);
        }
        while (!inFlight.isEmpty()) {
            writeOldest();
        }
        byte[] trailer = {(byte) (adler >>> 24), (byte) (adler >>> 16), (byte) (adler >>> 8), (byte) adler};
        chunk("IDAT", trailer, 4);
        chunk("IEND", new byte[0], 0);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        for (Future<Compressed> band : inFlight) {
            band.cancel(true);
        }
        out.close();
    }
}
