package org.clausecam.capture;

import com.microsoft.playwright.Browser;
import java.util.function.BooleanSupplier;

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

        /**
         * Whether {@link #finish} can go ahead without waiting for the page (it loaded, failed or
         * ran out of time), so that the owner thread finishes the jobs that are ready first
         * instead of queueing behind a slow page. Owner thread only.
         */
        default boolean ready() {
            return true;
        }

        /**
         * Lets Playwright dispatch events, for every page of the connection, until {@code until}
         * holds or {@code millis} passed; returns quietly either way, and at once when this job
         * cannot wait any more (its page is gone: then it is {@link #ready}). Owner thread only.
         */
        default void dispatchEvents(BooleanSupplier until, long millis) {
        }
    }
}
