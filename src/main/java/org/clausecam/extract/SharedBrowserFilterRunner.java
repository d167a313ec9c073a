package org.clausecam.extract;

import org.clausecam.capture.BrowserTakenBackException;
import org.clausecam.capture.CaptureException;
import org.clausecam.capture.Chromium;
import org.clausecam.declarations.FilterRef;
import org.clausecam.declarations.SourceDocument;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The filter runner of a run: runs declared filters in the agent's one Chromium, on its owner
 * thread, so filters from any worker thread share the browser that renders pages. The browser
 * starts only when a declaration has filters.
 *
 * <p>Filters run under the browser's watchdog: one that has not returned within
 * {@link #DEADLINE} (an endless loop) gets the browser killed and restarted, and fails as the
 * declaration's fault; the run goes on.
 */
public final class SharedBrowserFilterRunner implements FilterRunner {

    /**
     * How long the filters of one document may run: filters over a large snapshot take well
     * under a second, and a page's rendering does not wait behind a looping filter for longer.
     */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private final Chromium chromium;
    private final boolean node22UrlSearchParams;

    public SharedBrowserFilterRunner(Chromium chromium) {
        this(chromium, false);
    }

    private SharedBrowserFilterRunner(Chromium chromium, boolean node22UrlSearchParams) {
        this.chromium = chromium;
        this.node22UrlSearchParams = node22UrlSearchParams;
    }

    @Override
    public SharedBrowserFilterRunner forEngine(RecordingEngine engine) {
        return engine.ranOnNode22() == node22UrlSearchParams ? this : new SharedBrowserFilterRunner(chromium, engine.ranOnNode22());
    }

    @Override
    public String apply(String html, URI location, List<FilterRef> filters, String filtersSource) throws ExtractionException {
        return run(location, filters, runner -> runner.apply(html, location, filters, filtersSource));
    }

    @Override
    public String apply(String html, URI location, SourceDocument document, String filtersSource) throws ExtractionException {
        return run(location, document.filters(), runner -> runner.apply(html, location, document, filtersSource));
    }

    private interface Filtering {
        String on(BrowserFilterRunner runner) throws ExtractionException;
    }

    private String run(URI location, List<FilterRef> filters, Filtering filtering) throws ExtractionException {
        try {
            return chromium.withBrowser("filters " + names(filters) + " of " + location,
                    browser -> filtering.on(runnerOn(browser)), DEADLINE);
        } catch (BrowserTakenBackException e) {
            throw new FilterException("filters " + names(filters) + " of " + location + " did not return within "
                    + DEADLINE.toSeconds() + " s (a filter that never yields?); the browser was restarted", e);
        } catch (CaptureException e) {
            if (e.getCause() instanceof ExtractionException extraction) throw extraction;
            throw new ExtractionException("filters " + names(filters) + " of " + location + " could not run: " + e.getMessage(), e);
        }
    }

    private BrowserFilterRunner runnerOn(com.microsoft.playwright.Browser browser) {
        BrowserFilterRunner runner = new BrowserFilterRunner(browser);
        return node22UrlSearchParams ? runner.withNode22UrlSearchParams() : runner;
    }

    private static String names(List<FilterRef> filters) {
        return filters.stream().map(FilterRef::name).toList().toString();
    }

}
