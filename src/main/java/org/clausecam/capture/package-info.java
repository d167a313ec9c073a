/**
 * Chromium through Playwright for Java: rendered pages and full-page screenshots.
 *
 * <ul>
 *   <li>{@link org.clausecam.capture.Chromium}: an agent's one browser, driven from one owner
 *       thread, started lazily, several pages in flight.</li>
 *   <li>{@link org.clausecam.capture.PageCapturer#render}: a page with its scripts run, as a
 *       {@link org.clausecam.fetch.FetchedDocument} (fetcher BROWSER) and an optional
 *       {@link org.clausecam.capture.Screenshot}.</li>
 *   <li>{@link org.clausecam.capture.PageCapturer#screenshot}: a full-page picture of a document
 *       fetched over plain HTTP, from its exact bytes, JavaScript off.</li>
 *   <li>{@link org.clausecam.capture.Watchdog}: takes the browser back from a stuck owner thread
 *       (a script that never yields, a process above the memory ceiling) by killing its
 *       processes ({@link org.clausecam.capture.BrowserProcesses}); the browser restarts.</li>
 *   <li>{@link org.clausecam.capture.PageByteBudget}: bytes per page, counted from Chromium's
 *       network events; over budget the page stops loading and the capture is noted.</li>
 * </ul>
 *
 * Screenshots of any height are taken in bounded memory: one shot up to 16,000 px at 1280 px
 * wide, beyond that clipped sections stitched by {@link org.clausecam.png.PngStreamWriter}: one
 * full-page shot goes blank, with no error, below ~86,870 px at 1280 px wide (measured with
 * Chromium 156; docs/benchmarks.md).
 */
package org.clausecam.capture;
