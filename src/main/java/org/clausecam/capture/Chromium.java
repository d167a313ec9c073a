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
 * <p>Several pages in flight from the one thread (STACK.md §3): the owner keeps up to
 * {@link #pagesInFlight()} jobs started (navigations requested, not awaited) and finishes
 * whichever is ready first; as soon as one is done it starts the next queued job (a rolling
 * window, not batches: one slow page does not hold the others). While it finishes one, Chromium
 * loads the others. With 1 page in flight, jobs are simply serialized.
 *
 * <p>The browser starts with the first job (a run without browser work never starts one),
 * starts again if it crashed, and closes on {@link #close()}: the agent that made it closes it,
 * after the work that uses it has ended (a shutdown hook of its own would race that work).
 */
public final class Chromium implements AutoCloseable {

    /** Launch flags measured on this project's machines (STACK.md §3). */
    static final List<String> LAUNCH_ARGS = List.of("--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    /** Measured best on 2 cores with screenshots (80 docs/min against 64 serialized, STACK.md §3). */
    public static final int DEFAULT_PAGES_IN_FLIGHT = 2;

    private static final int DEFAULT_QUEUE_CAPACITY = 64;

    private static final Duration QUEUE_WAIT = Duration.ofMinutes(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    /** How long the owner dispatches events before looking at the queue again, when no page is ready. */
    private static final Duration DISPATCH_SLICE = Duration.ofMillis(50);

    private final Map<String, String> env;
    private final Semaphore places;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Job<Void> poison = new Job<>("closing", browser -> () -> null);
    private final Thread owner;
    private volatile int pagesInFlight;

    // Touched only on the owner thread.
    private Playwright playwright;
    private Browser browser;

    private volatile boolean started;
    private volatile boolean closed;

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
        this.env = Map.copyOf(env);
        this.places = new Semaphore(queueCapacity, true);
        setPagesInFlight(pagesInFlight);
        this.owner = new Thread(this::serve, "clausecam-chromium");
        owner.setDaemon(true);
        owner.start();
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
        Job<T> job = new Job<>(what, work);
        try {
            queue.add(job);
            return job.await(timeout);
        } finally {
            places.release();
        }
    }

    private final BrowserSupplier browsers = new BrowserSupplier() {
        @Override
        public Browser get() throws CaptureException {
            return browser();
        }

        @Override
        public boolean crashed() {
            if (browser != null && !browser.isConnected()) {
                closeBrowser();
                return true;
            }
            return false;
        }
    };

    /**
     * The owner thread: a rolling window of at most {@link #pagesInFlight} started jobs. Whenever
     * a place is free it starts the next queued job; it finishes whichever started job is ready
     * first (its page loaded, failed or ran out of time), so one slow page holds only its own place.
     * While none is ready it lets Playwright dispatch events (all pages load meanwhile), looking
     * up every {@link #DISPATCH_SLICE} for a newly queued job.
     */
    private void serve() {
        List<Running<?>> running = new ArrayList<>();
        boolean closing = false;
        while (true) {
            closing |= closed;
            while (!closing && running.size() < pagesInFlight) {
                Job<?> job;
                if (running.isEmpty()) {
                    try {
                        job = queue.take();
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
                Running<?> r = job.start(browsers);
                if (r != null) {
                    running.add(r);
                }
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
                running.get(0).inFlight().dispatchEvents(
                        () -> firstReady(running) != null || canStart && !queue.isEmpty(), DISPATCH_SLICE.toMillis());
                continue;
            }
            running.remove(ready);
            ready.finish();
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
        closeBrowser();
        poison.result.complete(null);
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
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(driverEnv));
            browser = playwright.chromium().launch(launch);
        } catch (PlaywrightException e) {
            closeBrowser();
            throw new CaptureException("cannot start " + located.origin()
                    + located.executable().map(p -> " (" + p + ")").orElse("") + ": " + firstLine(e), e);
        }
        started = true;
        return browser;
    }

    private void closeBrowser() {
        try {
            if (browser != null) {
                browser.close();
            }
        } catch (PlaywrightException e) {
            // The browser is already gone (crashed); closing Playwright below ends the driver anyway.
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

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }

    /** The owner's view of the browser, for jobs. */
    private interface BrowserSupplier {
        Browser get() throws CaptureException;

        /** Whether the browser is gone; if so it is closed, for {@link #get} to start another. */
        boolean crashed();
    }

    /** A queued job and the caller waiting for it. */
    private static final class Job<T> {
        final String what;
        final BrowserJob<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final CountDownLatch began = new CountDownLatch(1);
        volatile boolean abandoned;
        private boolean retried;

        Job(String what, BrowserJob<T> work) {
            this.what = what;
            this.work = work;
        }

        /** Owner thread: starts the job; null when it ended already (failed, or its caller left). */
        Running<T> start(BrowserSupplier browser) {
            began.countDown();
            if (abandoned) {
                result.completeExceptionally(new CaptureException(what + ": abandoned by its caller"));
                return null;
            }
            try {
                return new Running<>(this, work.start(browser.get()));
            } catch (PlaywrightException e) {
                if (!retried && browser.crashed()) {
                    // The browser died since the last job (Playwright only notices when next
                    // called): start a fresh one and try this job once more.
                    retried = true;
                    return start(browser);
                }
                result.completeExceptionally(e);
                return null;
            } catch (Throwable t) {
                result.completeExceptionally(t);
                return null;
            }
        }

        T await(Duration timeout) throws FetchException, CaptureException {
            try {
                if (!began.await(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    abandoned = true;
                    throw new CaptureException(what + ": the browser stayed busy for " + QUEUE_WAIT);
                }
                return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                abandoned = true;
                Thread.currentThread().interrupt();
                throw new CaptureException(what + ": interrupted", e);
            } catch (TimeoutException e) {
                throw new CaptureException(what + ": not done within " + timeout, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof FetchException fetch) throw fetch;
                if (cause instanceof CaptureException capture) throw capture;
                throw new CaptureException(what + ": " + firstLine(cause), cause);
            }
        }
    }

    private record Running<T>(Job<T> job, BrowserJob.InFlight<T> inFlight) {
        void finish() {
            try {
                job.result.complete(inFlight.finish());
            } catch (Throwable t) {
                job.result.completeExceptionally(t);
            }
        }
    }
}
