package org.clausecam.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples, while a test runs, the JVM heap, the PSS of this JVM's child processes (Chromium and
 * the Playwright driver) and the CPU time they all spend (renderers that exit keep their last sample).
 */
final class PeakMemory {

    record Peak(long jvmHeapMb, long chromiumPssMb, double jvmCpuSeconds, double childrenCpuSeconds) {
    }

    private static final long TICKS_PER_SECOND = 100;
    private final java.util.Map<Long, Long> childTicksAtStart = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, Long> childTicks = new java.util.concurrent.ConcurrentHashMap<>();
    private long jvmCpuAtStart;

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
                ProcessHandle.current().descendants().forEach(p -> {
                    long ticks = cpuTicks(p.pid());
                    childTicksAtStart.putIfAbsent(p.pid(), ticks);
                    childTicks.merge(p.pid(), ticks, Math::max);
                });
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
        memory.jvmCpuAtStart = jvmCpuNanos();
        ProcessHandle.current().descendants().forEach(p -> memory.childTicksAtStart.put(p.pid(), cpuTicks(p.pid())));
        memory.sampler.start();
        return memory;
    }

    Peak stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        long ticks = 0;
        for (var e : childTicks.entrySet()) {
            ticks += e.getValue() - childTicksAtStart.getOrDefault(e.getKey(), 0L);
        }
        return new Peak(heap.get() / (1024 * 1024), pss.get() / 1024, (jvmCpuNanos() - jvmCpuAtStart) / 1e9,
                ticks / (double) TICKS_PER_SECOND);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of a process, in clock ticks (USER_HZ, 100 on Linux). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            // The process ended meanwhile: its last sample stands.
            return 0;
        }
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
