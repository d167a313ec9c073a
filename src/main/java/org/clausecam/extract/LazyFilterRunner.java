package org.clausecam.extract;

import org.clausecam.declarations.FilterRef;

import java.net.URI;
import java.util.List;

/**
 * The filter runner of a tracking run: starts a browser only when a declaration has filters,
 * and serialises calls, since the browser runner is not thread-safe.
 */
public final class LazyFilterRunner implements FilterRunner, AutoCloseable {

    private BrowserFilterRunner runner;

    @Override
    public synchronized String apply(String html, URI location, List<FilterRef> filters, String filtersSource) throws ExtractionException {
        if (runner == null) {
            runner = FilterRunners.fromEnvironment();
            if (runner == null) {
                throw new ExtractionException("filters " + filters + " of " + location
                        + " need Chromium: install one (apt-get install chromium) or set CLAUSECAM_CHROMIUM");
            }
        }
        return runner.apply(html, location, filters, filtersSource);
    }

    @Override
    public synchronized void close() {
        if (runner != null) runner.close();
    }
}
