package org.clausecam.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The operating-system processes behind one {@code Playwright} instance: its node driver (a child
 * of this JVM) and, under it, Chromium's browser, renderer and helper processes. Killing them is
 * how a stuck owner thread is taken back: a Playwright call blocked on a page whose script never
 * yields cannot be interrupted from another thread, but it throws once its driver is gone.
 */
final class BrowserProcesses {

    /** Playwright for Java starts its driver as {@code node .../cli.js run-driver}. */
    private static final String DRIVER_MARK = "run-driver";
    private static final long PAGE_SIZE = 4096;

    /**
     * Creating Playwright and recognising its new driver are done under one lock, so that two
     * {@link Chromium}s of one JVM (tests) cannot claim each other's driver.
     */
    private static final Object CLAIMING = new Object();

    private final ProcessHandle driver;

    private BrowserProcesses(ProcessHandle driver) {
        this.driver = driver;
    }

    /**
     * Runs {@code create} (which starts a Playwright driver) and returns its result together with
     * the driver process it started; the processes are absent when the driver could not be told
     * apart (then no watchdog can kill them, and it says so).
     */
    static <T> Claimed<T> claimDriverOf(Supplier<T> create) {
        synchronized (CLAIMING) {
            Set<Long> before = new HashSet<>();
            ProcessHandle.current().children().forEach(p -> before.add(p.pid()));
            T created = create.get();
            List<ProcessHandle> started = ProcessHandle.current().children()
                    .filter(p -> !before.contains(p.pid()))
                    .toList();
            List<ProcessHandle> drivers = started.stream()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(DRIVER_MARK)).orElse(false))
                    .toList();
            // Where command lines cannot be read, the one child that appeared meanwhile is the driver.
            List<ProcessHandle> candidates = drivers.isEmpty() ? started : drivers;
            Optional<BrowserProcesses> processes = candidates.size() == 1
                    ? Optional.of(new BrowserProcesses(candidates.get(0))) : Optional.empty();
            return new Claimed<>(created, processes);
        }
    }

    record Claimed<T>(T created, Optional<BrowserProcesses> processes) {
    }

    long driverPid() {
        return driver.pid();
    }

    /**
     * Kills Chromium's processes, then the driver: the Playwright call in progress then fails
     * with a closed connection instead of waiting for a renderer that never answers.
     */
    void kill() {
        List<ProcessHandle> chromium = driver.descendants().toList();
        chromium.forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly();
    }

    boolean alive() {
        return driver.isAlive();
    }

    /**
     * Whether Chromium's browser process, once seen under the driver, has died. Killed alone (a
     * crash, the OOM killer), it leaves its renderers holding the pipe to the driver open, so
     * Playwright notices only when a page's own timeout runs out; the watchdog looks instead.
     */
    boolean browserDied() {
        ProcessHandle seen = browser;
        if (seen == null) {
            browser = seen = driver.children()
                    .filter(p -> p.info().arguments().map(args -> Stream.of(args).noneMatch(a -> a.startsWith("--type="))).orElse(false))
                    .findFirst().orElse(null);
        }
        return seen != null && !seen.isAlive();
    }

    /** The browser process (the one Chromium process without {@code --type=}) once seen; read by the watchdog thread only. */
    private ProcessHandle browser;

    /**
     * The resident memory of the largest process and of all of them together (shared pages count
     * once per process, so the sum overstates what the tree costs), read from {@code /proc}.
     */
    MemorySample memory() {
        long largest = 0;
        long total = 0;
        long largestPid = -1;
        for (ProcessHandle p : (Iterable<ProcessHandle>) Stream.concat(Stream.of(driver), driver.descendants())::iterator) {
            long rss = residentBytes(p.pid());
            total += rss;
            if (rss > largest) {
                largest = rss;
                largestPid = p.pid();
            }
        }
        return new MemorySample(largestPid, largest, total);
    }

    /** Resident memory of the browser's processes at one moment. */
    record MemorySample(long largestPid, long largestBytes, long totalBytes) {
    }

    private static long residentBytes(long pid) {
        try {
            String[] statm = Files.readString(Path.of("/proc", Long.toString(pid), "statm")).strip().split(" ");
            return Long.parseLong(statm[1]) * PAGE_SIZE;
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // The process ended between listing and reading (a renderer closing): it holds nothing now.
            return 0;
        }
    }
}
