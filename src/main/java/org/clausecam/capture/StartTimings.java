package org.clausecam.capture;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where time goes, printed to standard error when {@code CLAUSECAM_TIMINGS=1}: at start-up, the
 * JVM up to the first browser work, unpacking or finding Playwright's driver, starting the driver,
 * launching Chromium, and the first page job (navigation, settling, screenshot); when the browser
 * closes, how its owner thread spent the run: screenshots and each kind of call into a page.
 * {@code scripts/bench/throughput} reads these lines; nothing else does. Only the browser's owner
 * thread calls it.
 */
final class StartTimings {

    private final PrintStream out;
    private long firstJobStarted = -1;
    private boolean firstJobReported;
    // Where the owner thread's time went over the whole run (nanoseconds): it is the one thread
    // that drives every page, so its busy share says whether it or Chromium limits throughput.
    private final long[] owner = new long[OwnerStep.values().length];
    private int jobs;
    private final Map<String, long[]> steps = new LinkedHashMap<>();

    /** What the owner thread does with its time. */
    enum OwnerStep {
        WAITING_FOR_WORK("waiting for work"),
        STARTING("starting jobs"),
        DISPATCHING("dispatching events while no page was ready"),
        FINISHING("finishing jobs");

        final String label;

        OwnerStep(String label) {
            this.label = label;
        }
    }

    private StartTimings(PrintStream out) {
        this.out = out;
    }

    /** Printing timings when {@code CLAUSECAM_TIMINGS} is {@code 1}, silent otherwise. */
    static StartTimings from(Map<String, String> env) {
        return new StartTimings("1".equals(env.get("CLAUSECAM_TIMINGS")) ? System.err : null);
    }

    /** Time from the process's start to now: the JVM, class loading and the command's own set-up. */
    void jvmUp() {
        if (out == null) return;
        ProcessHandle.current().info().startInstant().ifPresent(started ->
                print("jvm start to first browser work", Duration.between(started, Instant.now()).toNanos()));
    }

    void phase(String what, long startedNanos) {
        print(what, System.nanoTime() - startedNanos);
    }

    void jobStarted() {
        if (firstJobStarted < 0) firstJobStarted = System.nanoTime();
    }

    void jobFinished() {
        if (firstJobReported || firstJobStarted < 0) return;
        firstJobReported = true;
        phase("first page job (navigation to screenshot)", firstJobStarted);
    }

    /** Counts {@code nanos} of the owner thread's time as {@code step}. */
    void owner(OwnerStep step, long startedNanos) {
        if (out == null) return;
        owner[step.ordinal()] += System.nanoTime() - startedNanos;
        if (step == OwnerStep.FINISHING) jobs++;
    }

    /** Counts one named step of a capture on the owner thread: its total time and how often it ran. */
    void step(String name, long startedNanos) {
        if (out == null) return;
        long[] step = steps.computeIfAbsent(name, k -> new long[2]);
        step[0] += System.nanoTime() - startedNanos;
        step[1]++;
    }

    /** Prints where the owner thread's time went, once, when the browser closes. */
    void ownerSummary() {
        if (out == null || jobs == 0) return;
        steps.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(e ->
                out.printf(Locale.ROOT, "clausecam timings: owner step %s: %.1f s in %d calls%n",
                        e.getKey(), e.getValue()[0] / 1e9, e.getValue()[1]));
        StringBuilder line = new StringBuilder("owner thread over " + jobs + " jobs:");
        for (OwnerStep step : OwnerStep.values()) {
            line.append(String.format(Locale.ROOT, " %s %.1f s;", step.label, owner[step.ordinal()] / 1e9));
        }
        out.println("clausecam timings: " + line);
    }

    private void print(String what, long nanos) {
        if (out != null) out.printf(Locale.ROOT, "clausecam timings: %s %.3f s%n", what, nanos / 1e9);
    }
}
