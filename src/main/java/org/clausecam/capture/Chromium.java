package org.clausecam.capture;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.clausecam.fetch.FetchException;

/**
 * An agent's one Chromium, and the one thread that talks to it.
 *
 * <p>Playwright for Java objects are not thread-safe, and their events (routes, dialogs,
 * responses) are dispatched on whichever thread is inside a Playwright call. So Playwright, the
 * browser and every context and page live on a single owner thread; callers on any thread hand
 * it {@link BrowserJob}s and wait. At most {@code queueCapacity} jobs wait or run at once; the
 * callers beyond that wait for a place.
 *
 * <p>Several pages in flight from the one thread (docs/benchmarks.md, "Chromium, measured"): the owner keeps up to
 * {@link #pagesInFlight()} jobs started (navigations requested, not awaited) and finishes
 * whichever is ready first; as soon as one is done it starts the next queued job (a rolling
 * window, not batches: one slow page does not hold the others). While it finishes one, Chromium
 * loads the others. With 1 page in flight, jobs are simply serialized.
 *
 * <p>The browser starts with the first job (a run without browser work never starts one),
 * starts again if it crashed, and closes on {@link #close()}: the agent that made it closes it,
 * after the work that uses it has ended (a shutdown hook of its own would race that work).
 *
 * <p>Every step the owner takes for a job (starting it, finishing it, dispatching events) runs
 * under a {@link Watchdog} deadline: the job's timeout, or a shorter one for calls into a page's
 * scripts ({@link #withinDeadline}). A step stuck past it (a script that never yields, a wedged
 * renderer), or a Chromium process above the memory ceiling, gets the browser's processes
 * killed; the blocked call throws, the job at fault fails with the reason, the other jobs that
 * were in flight in that browser start again once in a fresh one, and the queue goes on. A
 * browser that dies on its own (a crash, the OOM killer) is taken back alike, with no job at
 * fault: every job in flight starts again once.
 */
public final class Chromium implements AutoCloseable {

    /**
     * Launch flags measured on this project's machines (docs/benchmarks.md, "Chromium, measured"), and one more: without site
     * isolation, frames of other sites load in their page's renderer, where the page's byte budget
     * sees their bytes ({@link PageByteBudget}; isolated, a cross-site endless frame escaped it and
     * grew to 1.7 GB). What isolation protects, one site's data from another's code in one
     * renderer, is not at stake: every capture is a fresh context without cookies or storage.
     */
    static final List<String> LAUNCH_ARGS = List.of("--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--disable-site-isolation-trials");

    /** Measured best on 2 cores with screenshots (80 docs/min against 64 serialized, docs/benchmarks.md, "Chromium, measured"). */
    public static final int DEFAULT_PAGES_IN_FLIGHT = 2;

    private static final int DEFAULT_QUEUE_CAPACITY = 64;

    private static final String EARLY_LAUNCH = "launching the browser ahead of the first page";
    private static final Duration EARLY_LAUNCH_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Resident memory past which one Chromium process gets the browser killed: an ordinary page
     * peaks near 0.6 GB, the tallest pages measured near 3 GB for the whole browser (docs/benchmarks.md, "Chromium, measured").
     * {@code CLAUSECAM_CHROMIUM_MAX_PROCESS_MB} overrides it.
     */
    static final long DEFAULT_PROCESS_CEILING_BYTES = 2048L * 1024 * 1024;

    /** Past a job's timeout, its own Playwright timeouts have fired; this long after, it is stuck. */
    private static final Duration STUCK_AFTER_TIMEOUT = Duration.ofSeconds(5);
    /** Dispatching events returns within its slice unless an event handler is stuck in the driver. */
    private static final Duration DISPATCH_DEADLINE = Duration.ofSeconds(30);

    private static final Watchdog.TakeBack BROWSER_DIED = new Watchdog.TakeBack(null, "the browser process died");

    private static final Duration QUEUE_WAIT = Duration.ofMinutes(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    /** How long the owner dispatches events before looking at the queue again, when no page is ready. */
    private static final Duration DISPATCH_SLICE = Duration.ofMillis(50);

    private final Map<String, String> env;
    private final Semaphore places;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Job<Void> poison = new Job<>("closing", browser -> () -> null, Duration.ZERO);
    private final Watchdog watchdog;
    private final Thread owner;
    private volatile int pagesInFlight;

    // Touched only on the owner thread.
    private Playwright playwright;
    private Browser browser;
    /** The job whose step the owner is taking, blamed when a {@link #withinDeadline} call overruns. */
    private Job<?> stepping;

    private volatile boolean started;
    private volatile boolean closed;
    private final StartTimings timings;
    private boolean driverCacheWarned; // owner thread only

    /**
     * A Chromium for one agent (the browser itself starts with the first job); its owner closes it.
     *
     * @param env           where to look for the browser ({@code CLAUSECAM_CHROMIUM}…), usually {@code System.getenv()}
     * @param pagesInFlight pages the owner thread keeps loading at once, 1..16
     */
    public Chromium(Map<String, String> env, int pagesInFlight) {
        this(env, DEFAULT_QUEUE_CAPACITY, pagesInFlight);
    }

    /** @param queueCapacity jobs that may wait or run at once; callers beyond it wait for a place */
    public Chromium(Map<String, String> env, int queueCapacity, int pagesInFlight) {
        this(env, queueCapacity, pagesInFlight, processCeiling(env));
    }

    /** @param processCeilingBytes resident memory past which one Chromium process gets the browser killed */
    Chromium(Map<String, String> env, int queueCapacity, int pagesInFlight, long processCeilingBytes) {
        this.env = Map.copyOf(env);
        this.places = new Semaphore(queueCapacity, true);
        setPagesInFlight(pagesInFlight);
        this.watchdog = new Watchdog(processCeilingBytes);
        this.timings = StartTimings.from(env);
        this.owner = new Thread(this::serve, "clausecam-chromium");
        owner.setDaemon(true);
        owner.start();
    }

    private static long processCeiling(Map<String, String> env) {
        String mb = env.get("CLAUSECAM_CHROMIUM_MAX_PROCESS_MB");
        if (mb == null || mb.isBlank()) {
            return DEFAULT_PROCESS_CEILING_BYTES;
        }
        try {
            return Long.parseLong(mb.strip()) * 1024 * 1024;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CLAUSECAM_CHROMIUM_MAX_PROCESS_MB must be a number of MiB, not " + mb, e);
        }
    }

    /** The most resident memory the watchdog sampled so far, for one browser process and for all of them. */
    Watchdog.Peaks memoryPeaks() {
        return watchdog.peaks();
    }

    /**
     * Owner thread, inside a job: runs a Playwright call that has no timeout of its own (reading a
     * page's content, evaluating in it) under a deadline of {@code limit}. Past it the browser is
     * killed and the job fails with {@code overdue}; the call then throws.
     */
    <T> T withinDeadline(Duration limit, String overdue, java.util.function.Supplier<T> call) {
        Watchdog.Watch watch = watchdog.arm(stepping, System.nanoTime() + limit.toNanos(), overdue);
        try {
            return call.get();
        } finally {
            watchdog.disarm(watch);
        }
    }

    /** Whether the browser process has been started (a run without browser work never starts it). */
    public boolean started() {
        return started;
    }

    public int pagesInFlight() {
        return pagesInFlight;
    }

    /** How many pages the owner thread keeps loading at once (1: strictly one after the other). */
    private void setPagesInFlight(int pages) {
        if (pages < 1 || pages > 16) {
            throw new IllegalArgumentException("pages in flight must be within 1..16, not " + pages);
        }
        this.pagesInFlight = pages;
    }

    /** Chromium's version, starting the browser if needed. */
    public String version() throws CaptureException {
        try {
            return call("reading the browser version", browser -> browser::version, Duration.ofMinutes(2));
        } catch (FetchException e) {
            throw new CaptureException("reading the browser version failed", e);
        }
    }

    /**
     * Starts Playwright's driver and the browser now, on the owner thread, rather than with the
     * first job: a one-off capture meanwhile sets up and fetches the page over plain HTTP, so the
     * two overlap (a second or more of a cold start). Nobody waits for it: a launch that fails
     * fails the next job the same way, since that job launches again and reports why.
     */
    public void launchEarly() {
        if (!closed && !started) {
            queue.add(new Job<>(EARLY_LAUNCH, browser -> () -> null, EARLY_LAUNCH_TIMEOUT));
        }
    }

    /** Work with the browser, run on the owner thread (Playwright objects are not thread-safe). */
    @FunctionalInterface
    public interface BrowserTask<T> {
        T run(Browser browser) throws Exception;
    }

    /**
     * Runs a task with the browser on the owner thread, starting the browser first if needed, for
     * stages above capture that need a browser (filters run as JavaScript). Exceptions the task
     * throws come back as the cause of a {@link CaptureException}.
     */
    public <T> T withBrowser(String what, BrowserTask<T> task, Duration timeout) throws CaptureException {
        try {
            return call(what, browser -> () -> task.run(browser), timeout);
        } catch (FetchException e) {
            throw new CaptureException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a job on the owner thread, starting the browser first if needed.
     *
     * @param what    what the job does, for error messages
     * @param timeout how long the job may take once started; time spent waiting for its turn does
     *                not count. Past it the caller gets an exception while the job itself ends on
     *                its own Playwright timeouts, which jobs must set no longer than this.
     */
    <T> T call(String what, BrowserJob<T> work, Duration timeout) throws FetchException, CaptureException {
        if (closed) {
            throw new CaptureException(what + ": Chromium is closed");
        }
        boolean placed;
        try {
            placed = places.tryAcquire(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException(what + ": interrupted while waiting for the browser", e);
        }
        if (!placed) {
            throw new CaptureException(what + ": the browser stayed busy for " + QUEUE_WAIT);
        }
        Job<T> job = new Job<>(what, work, timeout);
        try {
            queue.add(job);
            return job.await();
        } finally {
            places.release();
        }
    }

    /**
     * The owner thread: a rolling window of at most {@link #pagesInFlight} started jobs. Whenever
     * a place is free it starts the next queued job; it finishes whichever started job is ready
     * first (its page loaded, failed or ran out of time), so one slow page holds only its own place.
     * While none is ready it lets Playwright dispatch events (all pages load meanwhile), looking
     * up every {@link #DISPATCH_SLICE} for a newly queued job. After each step it asks the
     * {@link Watchdog} whether the browser was taken back meanwhile.
     */
    private void serve() {
        List<Running<?>> running = new ArrayList<>();
        boolean closing = false;
        while (true) {
            closing |= closed;
            if (running.isEmpty() && watchdog.takenBack() != null) {
                // Killed between jobs (the memory ceiling): no job to fail or restart; the next
                // one launches a fresh browser.
                closeBrowser();
                watchdog.reset();
            }
            while (!closing && running.size() < pagesInFlight) {
                Job<?> job;
                if (running.isEmpty()) {
                    long idle = System.nanoTime();
                    try {
                        job = queue.take();
                        timings.owner(StartTimings.OwnerStep.WAITING_FOR_WORK, idle);
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    job = queue.poll();
                    if (job == null) {
                        break;
                    }
                }
                if (job == poison) {
                    closing = true;
                    break;
                }
                job.began.countDown();
                if (job.abandoned) {
                    job.result.completeExceptionally(new CaptureException(job.what + ": abandoned by its caller"));
                    continue;
                }
                long starting = System.nanoTime();
                start(job, running);
                timings.owner(StartTimings.OwnerStep.STARTING, starting);
            }
            if (running.isEmpty()) {
                if (closing) {
                    shutDown();
                    return;
                }
                continue;
            }
            Running<?> ready = firstReady(running);
            if (ready == null) {
                boolean canStart = !closing && running.size() < pagesInFlight;
                Watchdog.Watch watch = watchdog.arm(null, System.nanoTime() + DISPATCH_DEADLINE.toNanos(),
                        "Playwright did not return from dispatching the pages' events within " + Watchdog.seconds(DISPATCH_DEADLINE));
                long dispatching = System.nanoTime();
                try {
                    running.get(0).inFlight().dispatchEvents(
                            () -> firstReady(running) != null || canStart && !queue.isEmpty(), DISPATCH_SLICE.toMillis());
                } finally {
                    watchdog.disarm(watch);
                    timings.owner(StartTimings.OwnerStep.DISPATCHING, dispatching);
                }
                if (watchdog.takenBack() != null) {
                    recover(running, null, null);
                }
                continue;
            }
            running.remove(ready);
            long finishing = System.nanoTime();
            finish(ready, running);
            timings.owner(StartTimings.OwnerStep.FINISHING, finishing);
            if (!EARLY_LAUNCH.equals(ready.job().what)) timings.jobFinished();
        }
    }

    /** Starts a job in the browser (launched if needed), adding it to {@code running}; or fails it. */
    private void start(Job<?> job, List<Running<?>> running) {
        job.deadlineNanos = System.nanoTime() + job.timeout.plus(STUCK_AFTER_TIMEOUT).toNanos();
        Throwable failure = null;
        Watchdog.Watch watch = watchdog.arm(job, job.deadlineNanos, "not done within " + Watchdog.seconds(job.timeout));
        stepping = job;
        try {
            Browser launched = browser();
            if (!EARLY_LAUNCH.equals(job.what)) timings.jobStarted();
            running.add(Running.start(job, launched));
        } catch (Throwable t) {
            failure = t;
        } finally {
            stepping = null;
            watchdog.disarm(watch);
        }
        if (failure == null) {
            return;
        }
        if (watchdog.takenBack() != null) {
            recover(running, job, failure);
        } else if (failure instanceof PlaywrightException && !job.crashRetried && browserCrashed()) {
            // The browser died since the last job (Playwright only notices when next called):
            // start a fresh one and try this job once more.
            job.crashRetried = true;
            start(job, running);
        } else {
            job.result.completeExceptionally(failure);
        }
    }

    /** Finishes a ready job: its result, or its failure, or the take-back of a stuck browser. */
    private void finish(Running<?> ready, List<Running<?>> running) {
        Throwable failure;
        Watchdog.Watch watch = watchdog.arm(ready.job(), ready.job().deadlineNanos,
                "not done within " + Watchdog.seconds(ready.job().timeout));
        stepping = ready.job();
        try {
            failure = ready.finish();
        } finally {
            stepping = null;
            watchdog.disarm(watch);
        }
        if (watchdog.takenBack() != null) {
            recover(running, failure == null ? null : ready.job(), failure);
        } else if (failure != null && browserDied()) {
            recover(running, ready.job(), failure, BROWSER_DIED);
        } else if (failure != null) {
            ready.job().result.completeExceptionally(failure);
        }
    }

    /**
     * After the watchdog killed the browser: the job at fault fails with the reason; the others
     * that were in flight (their pages died with the browser, through no fault of theirs) start
     * again once in a fresh browser, or fail if this already happened to them.
     *
     * @param interrupted the job whose step was cut short, not yet in {@code running}; or null
     * @param failure     what its step threw
     */
    private void recover(List<Running<?>> running, Job<?> interrupted, Throwable failure) {
        recover(running, interrupted, failure, watchdog.takenBack());
    }

    /** As {@link #recover(List, Job, Throwable)}, for a browser lost for the reason {@code back}. */
    private void recover(List<Running<?>> running, Job<?> interrupted, Throwable failure, Watchdog.TakeBack back) {
        List<Job<?>> victims = new ArrayList<>();
        if (interrupted != null) {
            victims.add(interrupted);
        }
        running.forEach(r -> victims.add(r.job()));
        running.clear();
        closeBrowser();
        watchdog.reset();
        String why = back.reason() + "; the browser was restarted";
        for (Job<?> job : victims) {
            Throwable cause = job == interrupted ? failure : null;
            if (job == back.blamed()) {
                job.result.completeExceptionally(new BrowserTakenBackException(job.what + ": " + why, cause));
            } else if (!job.restarted) {
                job.restarted = true;
                start(job, running);
            } else if (back.blamed() == null) {
                // The browser as a whole went wrong twice with this page in it: most likely this page.
                job.result.completeExceptionally(new BrowserTakenBackException(job.what + ": " + back.reason()
                        + " both times this page was loading; the browser was restarted", cause));
            } else {
                job.result.completeExceptionally(new CaptureException(job.what + ": the browser was restarted twice "
                        + "while this page was loading, for other pages (last: " + back.reason() + ")", cause));
            }
        }
    }

    private static Running<?> firstReady(List<Running<?>> running) {
        for (Running<?> r : running) {
            if (r.inFlight().ready()) {
                return r;
            }
        }
        return null;
    }

    private void shutDown() {
        List<Job<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.remove(poison);
        for (Job<?> job : left) {
            job.result.completeExceptionally(new CaptureException(job.what + ": Chromium is closed"));
            job.began.countDown();
        }
        long closing = System.nanoTime();
        closeBrowser();
        timings.phase("closing the browser and its driver", closing);
        watchdog.close();
        timings.ownerSummary();
        poison.result.complete(null);
    }

    /**
     * Whether the browser died under the pages in flight (a crash, the OOM killer) without the
     * watchdog's doing. No page is known to be at fault, so they all start again once in a fresh
     * browser, as after a take-back that blamed none. Owner thread only.
     */
    private boolean browserDied() {
        return browser != null && !browser.isConnected();
    }

    /** Whether the browser is gone; if so it is closed, for {@link #browser} to start another. Owner thread only. */
    private boolean browserCrashed() {
        if (browser != null && !browser.isConnected()) {
            closeBrowser();
            return true;
        }
        return false;
    }

    /**
     * Points Playwright at a driver unpacked once per version ({@link PlaywrightDriverCache}). A
     * cache that cannot be written costs only speed: Playwright then unpacks into the temporary
     * folder as it always did, and the reason is told once on standard error.
     */
    private void unpackDriverOnce() {
        try {
            PlaywrightDriverCache.prepare(env);
        } catch (CaptureException e) {
            if (!driverCacheWarned) {
                driverCacheWarned = true;
                System.err.println("clausecam: " + e.getMessage() + "; unpacking it into the temporary folder for this run instead");
            }
        }
    }

    /** The running browser, launched or relaunched as needed. Owner thread only. */
    private Browser browser() throws CaptureException {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        if (browser != null) {
            // It crashed or was killed: start afresh rather than fail every later capture.
            closeBrowser();
        }
        ChromiumLocator.Located located = ChromiumLocator.locate(env);
        Map<String, String> driverEnv = new HashMap<>();
        // Never let Playwright download browsers at run time; the locator found one already.
        driverEnv.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        List<String> args = new ArrayList<>(LAUNCH_ARGS);
        if ("root".equals(System.getProperty("user.name")) || "off".equalsIgnoreCase(env.get("CLAUSECAM_CHROMIUM_SANDBOX"))) {
            // Chromium refuses to start its sandbox as root (CI), and a container's default
            // seccomp profile denies the namespaces it needs: there the container is the sandbox.
            args.add("--no-sandbox");
        }
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(args);
        located.executable().ifPresent(launch::setExecutablePath);
        try {
            timings.jvmUp();
            long t = System.nanoTime();
            unpackDriverOnce();
            timings.phase("playwright driver found or unpacked", t);
            t = System.nanoTime();
            BrowserProcesses.Claimed<Playwright> created = BrowserProcesses.claimDriverOf(
                    () -> Playwright.create(new Playwright.CreateOptions().setEnv(driverEnv)));
            playwright = created.created();
            watchdog.guard(created.processes().orElseThrow(() -> new CaptureException(
                    "cannot tell Playwright's driver process among this JVM's children, so no watchdog could "
                            + "take a stuck browser back; refusing to start one")));
            timings.phase("playwright driver start", t);
            t = System.nanoTime();
            browser = playwright.chromium().launch(launch);
            timings.phase("chromium launch", t);
        } catch (PlaywrightException e) {
            closeBrowser();
            throw new CaptureException("cannot start " + located.origin()
                    + located.executable().map(p -> " (" + p + ")").orElse("") + ": " + firstLine(e), e);
        } catch (CaptureException e) {
            closeBrowser();
            throw e;
        }
        started = true;
        return browser;
    }

    private void closeBrowser() {
        watchdog.guard(null);
        try {
            if (browser != null) {
                browser.close();
            }
        } catch (PlaywrightException e) {
            // The browser is already gone (crashed, or killed by the watchdog); closing Playwright below ends the driver anyway.
        } finally {
            browser = null;
            try {
                if (playwright != null) {
                    playwright.close();
                }
            } catch (PlaywrightException e) {
                // Shutting down a driver that already died: nothing left to release.
            } finally {
                playwright = null;
            }
        }
    }

    /** Closes the browser once the jobs already started are done; waits a few seconds at most. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(poison);
        try {
            poison.result.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Shutting down: the driver process dies with the JVM; nothing more can be done.
        }
    }

    /** Counts the time of one named step of a capture since {@code startedNanos} (with {@code CLAUSECAM_TIMINGS=1}). Owner thread only. */
    void countStep(String name, long startedNanos) {
        timings.step(name, startedNanos);
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }

    /** A queued job and the caller waiting for it. */
    private static final class Job<T> {
        final String what;
        final BrowserJob<T> work;
        final Duration timeout;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final CountDownLatch began = new CountDownLatch(1);
        volatile boolean abandoned;
        // Owner thread only.
        long deadlineNanos;
        boolean crashRetried;
        boolean restarted;

        Job(String what, BrowserJob<T> work, Duration timeout) {
            this.what = what;
            this.work = work;
            this.timeout = timeout;
        }

        /**
         * Waits for the job's turn, then for its result. The owner always ends a started job (the
         * watchdog sees to that), at the latest once its timeout, a browser restart and one more
         * try have passed; the caller waits that long.
         */
        T await() throws FetchException, CaptureException {
            Duration patience = timeout.multipliedBy(2).plus(STUCK_AFTER_TIMEOUT.multipliedBy(2)).plus(Duration.ofMinutes(1));
            try {
                if (!began.await(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    abandoned = true;
                    throw new CaptureException(what + ": the browser stayed busy for " + QUEUE_WAIT);
                }
                return result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                abandoned = true;
                Thread.currentThread().interrupt();
                throw new CaptureException(what + ": interrupted", e);
            } catch (TimeoutException e) {
                throw new CaptureException(what + ": not done within " + Watchdog.seconds(patience), e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof FetchException fetch) throw fetch;
                if (cause instanceof CaptureException capture) throw capture;
                throw new CaptureException(what + ": " + firstLine(cause), cause);
            }
        }
    }

    private record Running<T>(Job<T> job, BrowserJob.InFlight<T> inFlight) {

        static <T> Running<T> start(Job<T> job, Browser browser) throws Exception {
            return new Running<>(job, job.work.start(browser));
        }

        /** Completes the job with its result and returns null, or returns why it failed without completing it. */
        Throwable finish() {
            try {
                job.result.complete(inFlight.finish());
                return null;
            } catch (Throwable t) {
                return t;
            }
        }
    }
}
