package org.clausecam.extract;

import java.net.URI;
import java.util.List;
import org.clausecam.declarations.FilterRef;

/**
 * Runs a declaration's {@code .filters.js} functions, in order, on a snapshot's HTML, against a
 * document whose URL is the source document's location, and returns the filtered HTML.
 */
public interface FilterRunner {
    String apply(String html, URI location, List<FilterRef> filters, String filtersSource) throws ExtractionException;
}
