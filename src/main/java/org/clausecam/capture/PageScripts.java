package org.clausecam.capture;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Calls into a rendered page that wait for its scripts to yield ({@code content()},
 * {@code evaluate}) and that Playwright runs without a timeout: each gets a deadline from
 * {@link Chromium}'s watchdog, past which the browser is taken back and the capture fails
 * saying the page's scripts did not yield. Owner thread only, inside a job.
 */
final class PageScripts {

    private final Chromium chromium;
    private final Page page;
    private final Duration deadline;

    PageScripts(Chromium chromium, Page page, Duration deadline) {
        this.chromium = chromium;
        this.page = page;
        this.deadline = deadline;
    }

    Page page() {
        return page;
    }

    /** @param what what the call does, for the failure message, e.g. "reading the rendered page" */
    <T> T call(String what, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return chromium.withinDeadline(deadline,
                    "the page's scripts did not yield within " + Watchdog.seconds(deadline) + " (" + what + ")", call);
        } finally {
            chromium.countStep(what, started);
        }
    }
}
