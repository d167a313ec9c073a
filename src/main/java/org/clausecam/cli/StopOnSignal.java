package org.clausecam.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM or SIGINT while a command works: the JVM runs its shutdown hooks, and this one tells the
 * command's work to stop, waits (bounded) for the command to print its summary and close its
 * agent, then ends the process with the command's exit code. Without it the JVM would exit 143 or
 * 130 whatever the command decided, and the browser would be closed under captures still running.
 *
 * <p>Install it before the work starts and close it after the agent is closed; a command that
 * ends normally removes the hook when closing it.
 */
final class StopOnSignal implements AutoCloseable {

    /** How long the hook waits for the summary once the work was told to stop. */
    static final Duration SUMMARY_WAIT = Duration.ofSeconds(10);
    /** How long it then waits for the agent to close (the browser's last jobs may still run). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final PrintStream err;
    private final Thread hook = new Thread(this::onSignal, "clausecam-stop-on-signal");
    private final CountDownLatch summarised = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile ExitCode exit = ExitCode.INTERRUPTED;
    private Runnable stop;
    private boolean signalled;

    private StopOnSignal(PrintStream err) {
        this.err = err;
    }

    static StopOnSignal install(PrintStream err) {
        StopOnSignal stopOnSignal = new StopOnSignal(err);
        Runtime.getRuntime().addShutdownHook(stopOnSignal.hook);
        return stopOnSignal;
    }

    /** What stops the work; run at once when the signal came already. */
    void stopWith(Runnable stop) {
        boolean now;
        synchronized (this) {
            this.stop = stop;
            now = signalled;
        }
        if (now) stop.run();
    }

    /** The summary is out: the process will exit with {@code exit}, signal or not. */
    void summarised(ExitCode exit) {
        this.exit = exit;
        summarised.countDown();
    }

    @Override
    public void close() {
        summarised.countDown();
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it ends the process with the exit code once this returns.
        }
    }

    private void onSignal() {
        Runnable toRun;
        synchronized (this) {
            signalled = true;
            toRun = stop;
        }
        if (toRun != null) toRun.run();
        boolean summaryCame = await(summarised, SUMMARY_WAIT);
        if (summaryCame) await(closed, CLOSE_WAIT);
        else err.println("clausecam: stopped; the run did not end within " + SUMMARY_WAIT.toSeconds() + " s of the signal");
        System.out.flush();
        err.flush();
        // halt, not exit: the JVM is already shutting down, and it would otherwise exit 143 (SIGTERM) or 130 (SIGINT).
        Runtime.getRuntime().halt(summaryCame ? exit.code() : ExitCode.INTERRUPTED.code());
    }

    private static boolean await(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
