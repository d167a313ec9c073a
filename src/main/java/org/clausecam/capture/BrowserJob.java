package org.clausecam.capture;

import com.microsoft.playwright.Browser;

/**
 * Browser work in two steps, so that {@link Chromium}'s one thread can keep several pages in
 * flight: {@link #start} sets a page going without waiting for it (a navigation requested,
 * not awaited), and {@link InFlight#finish} later waits for it and completes the work. While
 * one job finishes, Playwright keeps dispatching the events of the others, whose pages go on
 * loading in Chromium meanwhile.
 */
@FunctionalInterface
interface BrowserJob<T> {

    InFlight<T> start(Browser browser) throws Exception;

    /** A started job. */
    @FunctionalInterface
    interface InFlight<T> {
        /** Waits for the page and completes the work; must release what {@code start} opened, whatever happens. */
        T finish() throws Exception;
    }
}
