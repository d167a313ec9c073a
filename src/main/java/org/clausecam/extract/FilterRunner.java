package org.clausecam.extract;

import java.net.URI;
import java.util.List;
import org.clausecam.declarations.FilterRef;
import org.clausecam.declarations.SourceDocument;

/**
 * Runs a declaration's {@code .filters.js} functions, in order, on a snapshot's HTML, against a
 * document whose URL is the source document's location, and returns the filtered HTML.
 */
public interface FilterRunner {
    String apply(String html, URI location, List<FilterRef> filters, String filtersSource) throws ExtractionException;

    /**
     * As {@link #apply(String, URI, List, String)} for the document's filters; runners that give
     * filters Open Terms Archive's context argument ({@code fetch}, {@code select},
     * {@code remove}, {@code filter}) take the selectors from the document.
     */
    default String apply(String html, URI location, SourceDocument document, String filtersSource) throws ExtractionException {
        return apply(html, location, document.filters(), filtersSource);
    }

    /** The runner with the JavaScript runtime the engine ran filters on; by default this one. */
    default FilterRunner forEngine(RecordingEngine engine) {
        return this;
    }
}
