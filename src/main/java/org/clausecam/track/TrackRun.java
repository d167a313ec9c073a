package org.clausecam.track;

import org.clausecam.capture.CaptureException;
import org.clausecam.extract.ExtractionException;
import org.clausecam.extract.FilterException;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.fetch.FetchException;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoreUnavailableException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tracking run: each terms captured and extracted ({@link TermsCapturer}), then recorded
 * ({@link Recorder}), on {@code workers} threads, each outcome told to the listener. Workers take
 * the terms whose hosts may be fetched now first ({@link HostTurns}), so one polite or slow host
 * never holds a worker while other hosts' terms wait.
 *
 * <p>A storage outage stops the run: terms not yet started are reported as not captured rather
 * than attempted against a store that cannot keep them. {@link #stop()} (SIGTERM, SIGINT) stops
 * it too: captures in flight are cut and end as {@link FailureClass#INTERRUPTED}, terms not yet
 * started are reported as interrupted, and a capture already being recorded is recorded in full.
 */
public final class TrackRun {

    private final TermsCapturer capturer;
    private final Recorder recorder;
    private final int workers;
    private final TrackListener listener;
    private final AtomicReference<StoreUnavailableException> storageDown = new AtomicReference<>();
    /** The worker threads inside a capture: the ones {@link #stop()} interrupts. Guarded by itself. */
    private final Set<Thread> capturing = new HashSet<>();
    private final HostTurns.Politeness politeness;
    /** The running {@link #run}'s queue, which a stop or a store outage opens. */
    private final AtomicReference<HostTurns> turns = new AtomicReference<>();
    private volatile boolean stopping;

    /**
     * A run whose order of work follows the politeness of the capturer's fetches.
     *
     * @param workers terms captured at once, at least 1
     */
    public TrackRun(TermsCapturer capturer, Recorder recorder, int workers, TrackListener listener) {
        this(capturer, recorder, workers, listener, capturer.politeness());
    }

    /**
     * @param workers    terms captured at once, at least 1
     * @param politeness the run's per-host politeness, which decides the order workers take terms in
     */
    public TrackRun(TermsCapturer capturer, Recorder recorder, int workers, TrackListener listener, FetchPolicySettings politeness) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        this.capturer = capturer;
        this.recorder = recorder;
        this.workers = workers;
        this.listener = listener;
        this.politeness = new HostTurns.Politeness(politeness.maxInFlightPerHost(), politeness.minDelayPerHost());
    }

    /**
     * Tracks every job and returns their outcomes in the jobs' order; never throws for a failing
     * terms. Workers take the jobs in the order {@link HostTurns} gives: the first whose hosts may
     * be fetched now.
     */
    public RunSummary run(List<TermsJob> jobs) {
        Instant start = Instant.now();
        listener.runStarted(jobs.size());
        HostTurns queue = new HostTurns(jobs, politeness);
        turns.set(queue);
        if (stopping || storageDown.get() != null) queue.openAll();
        TermsOutcome[] outcomes = new TermsOutcome[jobs.size()];
        int threads = Math.min(workers, Math.max(1, jobs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "clausecam-track");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) running.add(pool.submit(() -> work(queue, outcomes)));
            for (Future<Void> f : running) await(f);
            return new RunSummary(List.of(outcomes), Duration.between(start, Instant.now()));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker: takes the next terms that may start, until none is left. */
    private Void work(HostTurns queue, TermsOutcome[] outcomes) throws InterruptedException {
        while (true) {
            Optional<HostTurns.Turn> next = queue.take();
            if (next.isEmpty()) return null;
            HostTurns.Turn turn = next.get();
            try {
                outcomes[turn.index()] = trackReporting(turn.job());
            } finally {
                queue.done(turn);
            }
        }
    }

    /**
     * Stops the run from any thread: captures in flight are interrupted, terms not started are
     * not started; {@link #run} then returns as soon as the workers are out.
     */
    public void stop() {
        synchronized (capturing) {
            stopping = true;
            capturing.forEach(Thread::interrupt);
        }
        HostTurns queue = turns.get();
        if (queue != null) queue.openAll(); // what is left will not be fetched: no politeness to wait for
    }

    public boolean stopped() {
        return stopping;
    }

    private static void await(Future<Void> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tracking run interrupted", e);
        } catch (ExecutionException e) {
            // track() catches what it expects; anything else is a bug worth surfacing as-is.
            throw new IllegalStateException("tracking failed unexpectedly", e.getCause());
        }
    }

    private TermsOutcome trackReporting(TermsJob job) {
        listener.termsStarted(job);
        TermsOutcome outcome = track(job);
        listener.termsFinished(outcome);
        return outcome;
    }

    /** Captures and records one terms; never throws for failures of the page, the extraction or the store. */
    TermsOutcome track(TermsJob job) {
        TermsKey key = job.key();
        Instant start = Instant.now();
        StoreUnavailableException down = storageDown.get();
        if (down != null) {
            return TermsOutcome.failed(key, FailureClass.STORAGE,
                    "not captured: the store failed earlier in this run (" + down.getMessage() + ")", Duration.ZERO);
        }
        CapturedTerms captured;
        try {
            if (!enterCapture()) {
                return TermsOutcome.failed(key, FailureClass.INTERRUPTED, "not started: the run was stopped", Duration.ZERO);
            }
            try {
                captured = capturer.capture(job);
            } finally {
                leaveCapture();
            }
        } catch (FetchException e) {
            return failed(key, FailureClass.of(e.kind()), e.getMessage(), start);
        } catch (FilterException e) {
            String file = job.filtersFile() == null ? "" : job.filtersFile() + ": ";
            return failed(key, FailureClass.DECLARATION, file + e.getMessage(), start);
        } catch (ExtractionException e) {
            return failed(key, FailureClass.INACCESSIBLE_CONTENT, e.getMessage(), start);
        } catch (CaptureException e) {
            return failed(key, FailureClass.BROWSER, e.getMessage(), start);
        }
        try {
            RecordedCapture recorded = recorder.recordCapture(job.terms(), captured, fetchers -> capturer.versionWith(job, fetchers));
            StoredRecord stored = recorded.stored();
            List<String> notes = new ArrayList<>(captured.notes());
            notes.addAll(recorded.notes());
            TermsOutcome.Status status = stored.record().first() ? TermsOutcome.Status.FIRST_RECORD
                    : stored.record().changed() ? TermsOutcome.Status.CHANGED : TermsOutcome.Status.UNCHANGED;
            if (stored.record().technical()) {
                notes.add("recorded as a technical change, not a change of the terms (" + stored.record().changeReason() + ")");
            }
            return TermsOutcome.recorded(key, status, stored, Duration.between(start, Instant.now()), notes);
        } catch (SuspiciousVersionException e) {
            return TermsOutcome.failed(key, FailureClass.SUSPICIOUS_VERSION, e.getMessage()
                    + "; not recorded (run with --accept-shrink to record it)", Duration.between(start, Instant.now()));
        } catch (StoreUnavailableException e) {
            storageDown.compareAndSet(null, e);
            HostTurns queue = turns.get();
            if (queue != null) queue.openAll(); // the rest will not be captured: no politeness to wait for
            return TermsOutcome.failed(key, FailureClass.STORAGE, e.getMessage(), Duration.between(start, Instant.now()));
        } catch (StoreException e) {
            return TermsOutcome.failed(key, FailureClass.STORAGE, e.getMessage(), Duration.between(start, Instant.now()));
        }
    }

    /** A capture that failed; once the run is stopping, whatever cut it short is the stop. */
    private TermsOutcome failed(TermsKey key, FailureClass failure, String reason, Instant start) {
        Duration took = Duration.between(start, Instant.now());
        if (stopping) {
            return TermsOutcome.failed(key, FailureClass.INTERRUPTED, "the run was stopped during the capture (" + reason + ")", took);
        }
        return TermsOutcome.failed(key, failure, reason, took);
    }

    /** Marks this thread as capturing, so that {@link #stop()} interrupts it; false once stopping. */
    private boolean enterCapture() {
        synchronized (capturing) {
            if (stopping) return false;
            capturing.add(Thread.currentThread());
            return true;
        }
    }

    /**
     * Takes this thread out of the capturing ones and clears an interrupt meant for the capture:
     * what comes next (recording) must run whole, so that the store never sees a write cut short.
     */
    private void leaveCapture() {
        synchronized (capturing) {
            capturing.remove(Thread.currentThread());
            Thread.interrupted();
        }
    }
}
