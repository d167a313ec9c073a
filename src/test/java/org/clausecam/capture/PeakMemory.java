package org.clausecam.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the JVM heap and the PSS of this JVM's child processes (the Chromium) while a test runs. */
final class PeakMemory {

    record Peak(long jvmHeapMb, long chromiumPssMb) {
    }

    private final AtomicLong heap = new AtomicLong();
    private final AtomicLong pss = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private PeakMemory() {
        sampler = new Thread(() -> {
            while (running) {
                Runtime rt = Runtime.getRuntime();
                heap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                pss.accumulateAndGet(childrenPssKb(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-memory");
        sampler.setDaemon(true);
    }

    static PeakMemory start() {
        PeakMemory memory = new PeakMemory();
        memory.sampler.start();
        return memory;
    }

    Peak stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        return new Peak(heap.get() / (1024 * 1024), pss.get() / 1024);
    }

    private static long childrenPssKb() {
        return ProcessHandle.current().descendants().mapToLong(p -> pssKb(p.pid())).sum();
    }

    private static long pssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between listing and reading, or /proc is not there: count nothing.
        }
        return 0;
    }
}
