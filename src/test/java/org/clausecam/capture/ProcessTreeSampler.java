package org.clausecam.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples, every 100 ms while a test runs, the proportional set size (PSS) of all of this JVM's
 * descendant processes (Playwright's driver, Chromium and its renderers) taken together, and
 * keeps the peak. A safety net for tests that provoke runaway memory: above {@code killAbove}
 * it kills every descendant, so that a test cannot take a shared machine down whatever the code
 * under test does.
 */
public final class ProcessTreeSampler implements AutoCloseable {

    private final long killAboveBytes;
    private final AtomicLong peakBytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean killed;
    private volatile boolean running = true;

    private ProcessTreeSampler(long killAboveBytes) {
        this.killAboveBytes = killAboveBytes;
        this.thread = new Thread(this::sample, "process-tree-sampler");
        thread.setDaemon(true);
    }

    public static ProcessTreeSampler start(long killAboveBytes) {
        ProcessTreeSampler sampler = new ProcessTreeSampler(killAboveBytes);
        sampler.thread.start();
        return sampler;
    }

    public long peakBytes() {
        return peakBytes.get();
    }

    /** Whether the safety net had to kill the processes. */
    public boolean killed() {
        return killed;
    }

    private void sample() {
        while (running) {
            long total = ProcessHandle.current().descendants().mapToLong(p -> pssBytes(p.pid())).sum();
            peakBytes.accumulateAndGet(total, Math::max);
            if (total > killAboveBytes) {
                killed = true;
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long pssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return 0;
        } catch (IOException | NumberFormatException e) {
            // The process ended between listing and reading: it holds nothing now.
            return 0;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            // The test itself is being interrupted: the sampler stops anyway, being a daemon.
            Thread.currentThread().interrupt();
        }
    }
}
