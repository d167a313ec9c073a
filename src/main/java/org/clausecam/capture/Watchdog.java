package org.clausecam.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes the browser back from a stuck owner thread. A Playwright call on a page whose script
 * never yields ({@code page.content()}, {@code evaluate}) has no timeout of its own and cannot be
 * interrupted; Playwright objects are not thread-safe, so no other thread may send the page a
 * {@code Runtime.terminateExecution} on the same connection either. The owner therefore arms a
 * {@link Watch} (a deadline and what it means to miss it) around each step it takes; this
 * thread kills the browser's processes when a watch runs out, and when one of Chromium's
 * processes grows past the memory ceiling. The blocked call then throws, and the owner asks
 * {@link #takenBack()} why.
 */
final class Watchdog implements AutoCloseable {

    private static final long TICK_MILLIS = 200;
    /** Memory is read every few ticks: reading /proc for some twenty processes is not free. */
    private static final int TICKS_PER_MEMORY_SAMPLE = 3;

    /** A step of the owner thread that must be over by {@code deadlineNanos}; {@code blamed} is the job at fault if not. */
    record Watch(Object blamed, long deadlineNanos, String overdue) {
    }

    /** Why the browser was killed, and the job at fault (null when no one job is: memory of the whole browser). */
    record TakeBack(Object blamed, String reason) {
    }

    private final long processCeilingBytes;
    private final List<Watch> watches = new ArrayList<>(); // guarded by itself
    private final Thread thread;
    private final AtomicLong peakLargestBytes = new AtomicLong();
    private final AtomicLong peakTotalBytes = new AtomicLong();
    private volatile BrowserProcesses processes;
    private volatile TakeBack takenBack;
    private volatile boolean closed;

    /** @param processCeilingBytes resident memory past which one Chromium process gets the browser killed */
    Watchdog(long processCeilingBytes) {
        this.processCeilingBytes = processCeilingBytes;
        this.thread = new Thread(this::watch, "clausecam-chromium-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /** The processes to kill and sample from now on; null while no browser runs. */
    void guard(BrowserProcesses browser) {
        this.processes = browser;
    }

    /** Owner thread: a step begins that must be over by the deadline. */
    Watch arm(Object blamed, long deadlineNanos, String overdue) {
        Watch watch = new Watch(blamed, deadlineNanos, overdue);
        synchronized (watches) {
            watches.add(watch);
        }
        return watch;
    }

    /** Owner thread: the step is over. */
    void disarm(Watch watch) {
        synchronized (watches) {
            watches.remove(watch);
        }
    }

    /** Why the browser was killed since the last {@link #reset}, or null if it was not. */
    TakeBack takenBack() {
        return takenBack;
    }

    /** Owner thread: the take-back was handled (jobs failed or retried, a new browser to come). */
    void reset() {
        takenBack = null;
    }

    /** The most resident memory sampled so far, for one browser process and for all of them at once. */
    record Peaks(long largestProcessBytes, long allProcessesBytes) {
    }

    Peaks peaks() {
        return new Peaks(peakLargestBytes.get(), peakTotalBytes.get());
    }

    private void watch() {
        int tick = 0;
        while (!closed) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            BrowserProcesses browser = processes;
            if (browser == null || takenBack != null) {
                continue;
            }
            Watch overdue = firstOverdue();
            if (overdue != null) {
                takeBack(browser, new TakeBack(overdue.blamed(), overdue.overdue()));
            } else if (browser.browserDied()) {
                // No page is known to be at fault: the pages in flight all start again once.
                takeBack(browser, new TakeBack(null, "Chromium's browser process died"));
            } else if (++tick % TICKS_PER_MEMORY_SAMPLE == 0) {
                BrowserProcesses.MemorySample sample = browser.memory();
                peakLargestBytes.accumulateAndGet(sample.largestBytes(), Math::max);
                peakTotalBytes.accumulateAndGet(sample.totalBytes(), Math::max);
                if (sample.largestBytes() > processCeilingBytes) {
                    takeBack(browser, new TakeBack(null, "a Chromium process (pid " + sample.largestPid() + ") held "
                            + mebibytes(sample.largestBytes()) + " MiB, above the ceiling of "
                            + mebibytes(processCeilingBytes) + " MiB"));
                }
            }
        }
    }

    private Watch firstOverdue() {
        long now = System.nanoTime();
        synchronized (watches) {
            for (Watch w : watches) {
                if (now - w.deadlineNanos() >= 0) {
                    return w;
                }
            }
        }
        return null;
    }

    private void takeBack(BrowserProcesses browser, TakeBack why) {
        // Set before the kill: the owner's blocked call throws as soon as the processes die.
        takenBack = why;
        processes = null;
        browser.kill();
    }

    static long mebibytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
