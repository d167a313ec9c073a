package org.clausecam.png;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Writes an 8-bit RGB PNG band by band, so that a picture 200,000 rows tall is encoded while
 * holding only a few bands of rows: the stitched full-page screenshots of {@code capture} and
 * the difference pictures of visual diffs.
 *
 * <p>Why bands: deflating a 1280×20,000 screenshot on one thread takes about 160 ms even at a fast
 * level. As pigz does, each band is deflated on its own and ends on a byte boundary (a sync flush),
 * so the pieces concatenate into one valid zlib stream; the Adler-32 checksums of the bands combine
 * into the stream's checksum. Given an executor, bands are deflated in parallel; a band that
 * barely compresses (a photograph, noise) is stored rather than searched for matches in vain.
 *
 * <p>Usage: construct with the final size; write exactly {@code height} rows, as bands
 * ({@link #newBand}, {@link #write}) or one at a time ({@link #writeRow});
 * then {@link #finish()}. The output stream is never closed here. Not thread-safe.
 */
public final class PngStreamWriter implements AutoCloseable {

    private static final int LEVEL = 2; // measured faster than 1 on screenshots, and smaller
    private static final int MAX_BANDS_IN_FLIGHT = 4;
    /** Rows gathered from {@link #writeRow} before they are deflated as one band. */
    private static final int ROWS_PER_GATHERED_BAND = 256;
    private static final int ADLER_BASE = 65521;
    private static final int SAMPLE_BYTES = 32 * 1024;

    private record Compressed(byte[] data, long adler, long rawLength) { }

    private final OutputStream out;
    private final ExecutorService executor;
    private final int width;
    private final int height;
    private final ArrayDeque<Future<Compressed>> inFlight = new ArrayDeque<>();
    private final Queue<int[]> sparePixels = new ConcurrentLinkedQueue<>();
    private final Queue<byte[]> spareScanlines = new ConcurrentLinkedQueue<>();
    private final Queue<ByteBuffer> spareInputs = new ConcurrentLinkedQueue<>();
    private final Queue<ByteBuffer> spareOutputs = new ConcurrentLinkedQueue<>();
    /** Rows passed to compression so far. */
    private int rowsSubmitted;
    /** The band that single rows are gathered in, and how many it holds. */
    private int[] gathered;
    private int gatheredRows;
    private int gatheredCapacity;
    private long adler = 1;
    private boolean finished;

    /** A writer that deflates each band on the calling thread. */
    public PngStreamWriter(OutputStream out, int width, int height) throws IOException {
        this(out, width, height, null);
    }

    /**
     * @param executor deflates the bands in parallel; null deflates them on the calling thread
     */
    public PngStreamWriter(OutputStream out, int width, int height, ExecutorService executor) throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a PNG must be at least 1x1, not " + width + "x" + height);
        }
        this.out = out;
        this.width = width;
        this.height = height;
        this.executor = executor;
        out.write(PngChunks.SIGNATURE);
        byte[] header = new byte[13];
        PngChunks.putInt(header, 0, width);
        PngChunks.putInt(header, 4, height);
        header[8] = 8;   // bits per sample
        header[9] = 2;   // colour type: RGB
        header[10] = 0;  // deflate
        header[11] = 0;  // adaptive filtering
        header[12] = 0;  // no interlace
        PngChunks.write(out, PngChunks.IHDR, header, header.length);
        PngChunks.write(out, PngChunks.IDAT, new byte[] {0x78, 0x01}, 2); // zlib header: deflate, 32K window
    }

    /**
     * An array for the next band of {@code rows} rows, recycled from bands already written:
     * tall pictures would otherwise allocate their whole size again in short-lived arrays.
     */
    public int[] newBand(int rows) {
        int[] band = sparePixels.poll();
        return band != null && band.length >= rows * width ? band : new int[rows * width];
    }

    /**
     * Writes the next {@code rows} rows of 0xRRGGBB pixels (alpha ignored) held in {@code pixels}
     * from index 0. The array may be read later on a worker thread: the caller must not change it
     * any more.
     */
    public void write(int[] pixels, int rows) throws IOException {
        flushGathered();
        submit(pixels, rows);
    }

    /** Writes the next row; {@code argb} holds at least {@code width} pixels as from {@code BufferedImage.getRGB}. */
    public void writeRow(int[] argb) throws IOException {
        System.arraycopy(argb, 0, nextGatheredRow(), gatheredRows * width, width);
        rowGathered();
    }

    /** Rows written so far, whether or not they are compressed yet. */
    public int rowsWritten() {
        return rowsSubmitted + gatheredRows;
    }

    private int[] nextGatheredRow() {
        if (rowsWritten() == height) {
            throw new IllegalStateException("all " + height + " rows were already written");
        }
        if (gathered == null) {
            gatheredCapacity = Math.min(ROWS_PER_GATHERED_BAND, height - rowsSubmitted);
            gathered = newBand(gatheredCapacity);
        }
        return gathered;
    }

    private void rowGathered() throws IOException {
        gatheredRows++;
        if (gatheredRows == gatheredCapacity) {
            flushGathered();
        }
    }

    private void flushGathered() throws IOException {
        if (gatheredRows > 0) {
            int[] band = gathered;
            int rows = gatheredRows;
            gathered = null;
            gatheredRows = 0;
            submit(band, rows);
        }
    }

    private void submit(int[] pixels, int rows) throws IOException {
        if (rowsSubmitted + rows > height) {
            throw new IllegalStateException((rowsSubmitted + rows) + " rows written to a picture of " + height);
        }
        rowsSubmitted += rows;
        boolean last = rowsSubmitted == height;
        inFlight.addLast(executor == null
                ? CompletableFuture.completedFuture(compress(pixels, rows, last))
                : executor.submit(() -> compress(pixels, rows, last)));
        while (inFlight.size() > (executor == null ? 0 : MAX_BANDS_IN_FLIGHT)) {
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
        // Direct buffers for zlib: with heap arrays, each deflate call pins them and blocks the
        // garbage collector (JNI critical section; see PngStreamReader).
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
        // A band that barely compresses is stored: deflating it would take seconds of fruitless
        // searching for matches on a fully changed page.
        Deflater deflater = new Deflater(worthCompressing(raw) ? LEVEL : Deflater.NO_COMPRESSION, true);
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
            return new Compressed(data, checksum.getValue(), rawLength);
        } finally {
            deflater.end();
        }
    }

    /** Deflates 32 KB from the middle of the band: worth it if that shrinks by a tenth or more. */
    private static boolean worthCompressing(ByteBuffer raw) {
        int sample = Math.min(SAMPLE_BYTES, raw.remaining());
        ByteBuffer slice = raw.duplicate();
        slice.position(raw.position() + (raw.remaining() - sample) / 2).limit(slice.position() + sample);
        Deflater probe = new Deflater(LEVEL, true);
        try {
            probe.setInput(slice);
            probe.finish();
            ByteBuffer out = ByteBuffer.allocateDirect(sample + 1024);
            while (!probe.finished() && out.hasRemaining()) {
                probe.deflate(out);
            }
            return probe.finished() && out.position() < sample * 0.9;
        } finally {
            probe.end();
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
        PngChunks.write(out, PngChunks.IDAT, band.data(), band.data().length);
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

    /** Writes the remaining bands, the zlib checksum and IEND, and flushes the output stream. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        if (rowsWritten() != height) {
            throw new IllegalStateException("only " + rowsWritten() + " of " + height + " rows were written");
        }
        while (!inFlight.isEmpty()) {
            writeOldest();
        }
        byte[] trailer = new byte[4];
        PngChunks.putInt(trailer, 0, (int) adler);
        PngChunks.write(out, PngChunks.IDAT, trailer, 4);
        PngChunks.write(out, PngChunks.IEND, new byte[0], 0);
        out.flush();
        finished = true;
    }

    /** Abandons the bands still being compressed; the output stream stays open. */
    @Override
    public void close() {
        for (Future<Compressed> band : inFlight) {
            band.cancel(true);
        }
        inFlight.clear();
    }
}
