package org.clausecam.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.clausecam.png.PngFormatException;

/**
 * A picture's rows decoded ahead, one band at a time on a worker thread, so that decoding
 * overlaps the work done on the rows already there. Only a few bands are held at once,
 * which keeps memory bounded for screenshots of any height, unless the stream is asked to
 * keep every row (to reuse them without decoding again).
 */
final class RowStream implements AutoCloseable {

    private record Band(int first, int rows, int[] pixels, int base) {
        boolean holds(int y) { return y >= first && y < first + rows; }
    }

    private final Path file;
    private final PixelRows source;
    private final ExecutorService executor;
    private final int bandRows;
    private final int[] allRows;
    private final ArrayDeque<Band> bands = new ArrayDeque<>();
    private final ArrayDeque<int[]> spare = new ArrayDeque<>();
    private Future<Band> pending;
    private int nextFirst;

    /**
     * @param file      the picture's file, named in errors (null for pictures in memory)
     * @param keepLimit keep every decoded row, for {@link #allRows()}, if they take at most
     *                  this many bytes
     */
    RowStream(Path file, PixelRows source, ExecutorService executor, int bandRows, long keepLimit) {
        this.file = file;
        this.source = source;
        this.executor = executor;
        this.bandRows = bandRows;
        long bytes = 4L * source.width() * source.height();
        this.allRows = bytes <= keepLimit ? new int[source.width() * source.height()] : null;
        requestNextBand();
    }

    boolean keepsRows() { return allRows != null; }

    int width() { return source.width(); }

    int height() { return source.height(); }

    /**
     * Makes rows {@code from..to} (clipped to the picture) available through {@link #pixels}
     * and {@link #offset}, and lets go of the rows above {@code from}. Calls must move down.
     */
    void hold(int from, int to) throws VisualDiffException {
        int last = Math.min(to, height() - 1);
        while (bands.isEmpty() || bands.peekLast().first() + bands.peekLast().rows() <= last) {
            bands.addLast(awaitPending());
            requestNextBand();
        }
        while (!bands.isEmpty() && bands.peekFirst().first() + bands.peekFirst().rows() <= from) {
            Band done = bands.removeFirst();
            if (allRows == null) {
                spare.push(done.pixels());
            }
        }
    }

    /** The array holding row {@code y}, which must be held. */
    int[] pixels(int y) { return band(y).pixels(); }

    /** Where row {@code y} starts in {@link #pixels(int)}. */
    int offset(int y) {
        Band band = band(y);
        return band.base() + (y - band.first()) * width();
    }

    /** Decodes what is left and returns every row, for a stream that keeps its rows. */
    int[] allRows() throws VisualDiffException {
        if (allRows == null) {
            throw new IllegalStateException("rows of " + file + " were not kept");
        }
        hold(height() - 1, height() - 1);
        return allRows;
    }

    private Band band(int y) {
        for (Band band : bands) {
            if (band.holds(y)) {
                return band;
            }
        }
        throw new IllegalStateException("row " + y + " is not held");
    }

    private void requestNextBand() {
        if (nextFirst >= height()) {
            pending = null;
            return;
        }
        int first = nextFirst;
        int rows = Math.min(bandRows, height() - first);
        int[] pixels;
        int base;
        if (allRows != null) {
            pixels = allRows;
            base = first * width();
        } else {
            pixels = spare.isEmpty() ? new int[bandRows * width()] : spare.pop();
            base = 0;
        }
        nextFirst += rows;
        pending = executor.submit(() -> {
            source.read(pixels, base, rows);
            return new Band(first, rows, pixels, base);
        });
    }

    private Band awaitPending() throws VisualDiffException {
        if (pending == null) {
            throw new IllegalStateException("no rows left to decode in " + file);
        }
        try {
            return pending.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof PngFormatException png ? png.reason() : cause.getMessage();
            throw new VisualDiffException(file, "cannot decode: " + reason, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VisualDiffException(file, "interrupted while decoding", e);
        }
    }

    @Override
    public void close() throws VisualDiffException {
        if (pending != null) {
            try {
                pending.get();
            } catch (ExecutionException | InterruptedException ignored) {
                // This band is not wanted any more (the comparison ended or failed elsewhere);
                // waiting only keeps the source from being closed in the middle of a read.
            }
        }
        try {
            source.close();
        } catch (IOException e) {
            throw new VisualDiffException(file, "cannot close", e);
        }
    }
}
