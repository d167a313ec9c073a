package org.clausecam.capture;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.clausecam.fetch.FetchException;

/**
 * A navigation requested without waiting for it, and everything the page's events tell about
 * it: its main response, whether the new document committed and fired {@code load}, or why it
 * failed. Started with {@code location.href = url} (returns at once, also with JavaScript
 * disabled: Playwright evaluates in its own world), awaited later with {@link #await}, which
 * lets Playwright dispatch the events of every page meanwhile. Owner thread only.
 */
final class PendingNavigation {

    private final Page page;
    private final URI url;
    private final long deadline;
    private Response mainResponse;
    private boolean committed;
    private boolean loaded;
    private String failure;
    private boolean download;
    private final long maxBytes;
    private long announcedTooLarge = -1;
    private boolean gone;
    private BooleanSupplier endedEarly = () -> false;

    private PendingNavigation(Page page, URI url, Duration timeout, long maxBytes) {
        this.page = page;
        this.url = url;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.maxBytes = maxBytes;
        page.onResponse(response -> {
            if (isMainNavigation(response.request())) {
                mainResponse = response;
                long announced = contentLength(response);
                if (announced > maxBytes) {
                    announcedTooLarge = announced;
                }
            }
        });
        page.onRequestFailed(request -> {
            if (isMainNavigation(request)) {
                failure = request.failure();
            }
        });
        page.onFrameNavigated(frame -> {
            if (frame != page.mainFrame() || frame.url().startsWith("about:")) {
                return;
            }
            if (frame.url().startsWith("chrome-error:")) {
                // Chromium shows its error page; requestfailed usually said why already.
                failure = failure != null ? failure : "Chromium showed its error page";
            } else {
                committed = true;
            }
        });
        page.onLoad(p -> {
            if (committed) {
                loaded = true;
            }
        });
        page.onDownload(d -> download = true);
        page.onClose(p -> gone = true);
        page.onCrash(p -> gone = true);
    }

    /** Requests the navigation and returns at once; its timeout starts now. */
    static PendingNavigation start(Page page, URI url, Duration timeout) {
        return start(page, url, timeout, Long.MAX_VALUE);
    }

    /**
     * As {@link #start(Page, URI, Duration)}, and gives up as soon as the main answer announces a
     * body larger than {@code maxBytes} (closing the context then stops the download).
     */
    static PendingNavigation start(Page page, URI url, Duration timeout, long maxBytes) {
        PendingNavigation navigation = new PendingNavigation(page, url, timeout, maxBytes);
        page.evaluate("u => { window.location.href = u; }", url.toString());
        return navigation;
    }

    /**
     * Stops waiting for {@code load} once {@code ended} holds: the page's loading was stopped on
     * purpose (a byte budget ran out), and load may then never come.
     */
    void endEarlyWhen(BooleanSupplier ended) {
        this.endedEarly = ended;
    }

    /** Whether {@link #await} would return without waiting: the navigation ended one way or another, or ran out of time. */
    boolean settled() {
        return loaded || failure != null || download || announcedTooLarge >= 0 || gone || endedEarly.getAsBoolean()
                || System.nanoTime() - deadline >= 0;
    }

    /**
     * Lets Playwright dispatch the events of every page for up to {@code millis}, returning early
     * once {@code until} holds. A page that went away meanwhile counts as {@link #settled}; the
     * job's finish then reports why.
     */
    void dispatchEvents(BooleanSupplier until, long millis) {
        if (gone) {
            return;
        }
        try {
            page.waitForCondition(until, new Page.WaitForConditionOptions().setTimeout(Math.max(1, millis)));
        } catch (TimeoutError e) {
            // Nothing happened in time: the caller looks again.
        } catch (PlaywrightException e) {
            // The page or the browser is gone (closed, crashed); await reports it.
            gone = true;
        }
    }

    /**
     * Waits for {@code load} until the navigation's timeout.
     *
     * @return whether {@code load} did not come in time (the page is then taken as it is)
     * @throws FetchException the navigation failed, nothing arrived in time, or a download came instead of a page
     */
    boolean await() throws FetchException {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        boolean timedOut = false;
        try {
            page.waitForCondition(() -> loaded || failure != null || download || announcedTooLarge >= 0
                    || endedEarly.getAsBoolean(), new Page.WaitForConditionOptions().setTimeout(left));
        } catch (TimeoutError e) {
            timedOut = true;
        }
        if (announcedTooLarge >= 0) {
            throw new FetchException(url, FetchException.Kind.PERMANENT, "answer of " + url + " exceeds the limit of "
                    + maxBytes + " bytes (" + announcedTooLarge + " bytes announced)");
        }
        if (download) {
            throw new FetchException(url, FetchException.Kind.PERMANENT,
                    "the browser was offered a download, not a page (a PDF? fetch it over plain HTTP)");
        }
        if (failure == null && mainResponse != null) {
            // Failed events may be dispatched in a batch that the wait above did not reach; the
            // request keeps its failure (unlike response.finished(), this never waits).
            failure = mainResponse.request().failure();
        }
        if (failure != null) {
            throw failed(failure);
        }
        if (timedOut && mainResponse == null) {
            throw new FetchException(url, FetchException.Kind.TRANSIENT, "no answer in the browser within the navigation timeout");
        }
        return timedOut;
    }

    /** Whether the new document fired {@code load} (it may have failed or gone since: see {@link #await}). */
    boolean loaded() {
        return loaded;
    }

    /** Whether the page closed or crashed: nothing more will happen in it. */
    boolean gone() {
        return gone;
    }

    /** The last main-frame document response (after redirects), or null if none arrived. */
    Response mainResponse() {
        return mainResponse;
    }

    private static long contentLength(Response response) {
        String length = response.headers().get("content-length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // the body size is then bounded after load, on what arrived
        }
    }

    private boolean isMainNavigation(Request request) {
        return request.isNavigationRequest() && request.frame() == page.mainFrame();
    }

    private FetchException failed(String error) {
        if (error.contains("ERR_BLOCKED_BY_CLIENT")) {
            return new FetchException(url, FetchException.Kind.PERMANENT,
                    "refused by the network guard in the browser (" + error + ")");
        }
        if (error.contains("ERR_TOO_MANY_REDIRECTS")) {
            return new FetchException(url, FetchException.Kind.PERMANENT, "redirect loop (" + error + ")");
        }
        if (error.contains("ERR_INVALID_URL") || error.contains("ERR_UNKNOWN_URL_SCHEME")
                || error.contains("ERR_INVALID_RESPONSE")) {
            return new FetchException(url, FetchException.Kind.PERMANENT, error);
        }
        if (committed && mainResponse != null && mainResponse.status() >= 200 && mainResponse.status() < 300) {
            // A connection broken mid-body does not fail the navigation: the page commits with
            // the partial HTML and load never fires. That partial page is not the document.
            return new FetchException(url, FetchException.Kind.TRANSIENT, "the answer broke off after HTTP "
                    + mainResponse.status() + " (" + error + "); the partial page is not kept");
        }
        return new FetchException(url, FetchException.Kind.TRANSIENT, "navigation failed: " + error);
    }
}
