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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.clausecam.fetch.FetchException;

/**
 * The one Chromium of this JVM, and the one thread that talks to it.
 *
 * <p>Playwright for Java objects are not thread-safe, and events (routes, dialogs) are
 * dispatched on the thread that is inside a Playwright call. So Playwright, the browser and
 * every context and page live on a single owner thread; callers on any thread hand it
 * {@link BrowserWork} and wait. At most {@code queueCapacity} works wait or run at once; the
 * callers beyond that wait for a free place.
 *
 * <p>The browser starts with the first work (a run without browser work never starts one),
 * starts again if it crashed, and closes on {@link #close()} or at JVM exit.
 */
public final class Chromium implements AutoCloseable {

    /** Launch flags measured on this project's machines (STACK.md §3). */
    static final List<String> LAUNCH_ARGS = List.of("--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private static final Duration QUEUE_WAIT = Duration.ofMinutes(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static Chromium shared;

    private final Map<String, String> env;
    private final ThreadPoolExecutor owner;
    private final Semaphore places;

    // Touched only on the owner thread.
    private Playwright playwright;
    private Browser browser;
    private String origin;

    private volatile boolean started;
    private volatile boolean closed;

    /**
     * The process-wide Chromium, created on first use and closed at JVM exit. Every
     * {@link PageCapturer} that is not given another one uses it.
     */
    public static synchronized Chromium shared() {
        if (shared == null) {
            Chromium chromium = new Chromium(System.getenv(), 64);
            Runtime.getRuntime().addShutdownHook(new Thread(chromium::close, "clausecam-chromium-shutdown"));
            shared = chromium;
        }
        return shared;
    }

    Chromium(Map<String, String> env, int queueCapacity) {
        this.env = Map.copyOf(env);
        this.places = new Semaphore(queueCapacity, true);
        this.owner = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "clausecam-chromium");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether the browser process has been started (tests check that plain HTTP runs never start it). */
    public boolean started() {
        return started;
    }

    /** Chromium's version, starting the browser if needed. */
    public String version() throws CaptureException {
        try {
            return call("reading the browser version", Browser::version, Duration.ofMinutes(2));
        } catch (FetchException e) {
            throw new CaptureException("reading the browser version failed", e);
        }
    }

    /**
     * Runs work on the owner thread, starting the browser first if needed.
     *
     * @param what    what the work does, for error messages
     * @param timeout how long the work may run once started; time spent waiting for its turn does
     *                not count. Past it the caller gets an exception while the work itself ends on
     *                its own Playwright timeouts, which works must set no longer than this.
     */
    <T> T call(String what, BrowserWork<T> work, Duration timeout) throws FetchException, CaptureException {
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
        try {
            CountDownLatch began = new CountDownLatch(1);
            Future<T> future;
            try {
                future = owner.submit(() -> {
                    began.countDown();
                    return work.run(browser());
                });
            } catch (RejectedExecutionException e) {
                throw new CaptureException(what + ": Chromium is closed", e);
            }
            return await(what, future, began, timeout);
        } finally {
            places.release();
        }
    }

    private <T> T await(String what, Future<T> future, CountDownLatch began, Duration timeout)
            throws FetchException, CaptureException {
        try {
            if (!began.await(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                future.cancel(false);
                throw new CaptureException(what + ": the browser stayed busy for " + QUEUE_WAIT);
            }
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new CaptureException(what + ": interrupted", e);
        } catch (TimeoutException e) {
            throw new CaptureException(what + ": not done within " + timeout, e);
        } catch (CancellationException e) {
            throw new CaptureException(what + ": cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FetchException fetch) throw fetch;
            if (cause instanceof CaptureException capture) throw capture;
            throw new CaptureException(what + ": " + firstLine(cause), cause);
        }
    }

    /** The running browser, launched or relaunched as needed. Owner thread only. */
    private Browser browser() throws CaptureException {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        if (browser != null) {
            // It crashed or was killed: start afresh rather than fail every later capture.
            closeOnOwnerThread();
        }
        ChromiumLocator.Located located = ChromiumLocator.locate(env);
        Map<String, String> driverEnv = new HashMap<>();
        // Never let Playwright download browsers at run time; the locator found one already.
        driverEnv.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        List<String> args = new ArrayList<>(LAUNCH_ARGS);
        if ("root".equals(System.getProperty("user.name"))) {
            // Chromium refuses to start its sandbox as root (containers, CI).
            args.add("--no-sandbox");
        }
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(args);
        located.executable().ifPresent(launch::setExecutablePath);
        try {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(driverEnv));
            browser = playwright.chromium().launch(launch);
        } catch (PlaywrightException e) {
            closeOnOwnerThread();
            throw new CaptureException("cannot start " + located.origin()
                    + located.executable().map(p -> " (" + p + ")").orElse("") + ": " + firstLine(e), e);
        }
        origin = located.origin();
        started = true;
        return browser;
    }

    /** How the running browser was found ({@code system Chromium}…), or null before it started. */
    String origin() {
        return origin;
    }

    private void closeOnOwnerThread() {
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
            } finally {
                playwright = null;
            }
        }
    }

    /** Closes the browser and ends the owner thread; waits at most a few seconds. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            Future<?> closing = owner.submit(this::closeOnOwnerThread);
            try {
                closing.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Shutting down: the driver process dies with the JVM; nothing more can be done.
            }
        }
        owner.shutdown();
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }
}
