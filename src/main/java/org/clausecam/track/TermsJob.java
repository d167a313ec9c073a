package org.clausecam.track;

import org.clausecam.declarations.Terms;
import org.clausecam.store.TermsKey;

import java.nio.file.Path;

/**
 * The terms of one service to capture, with the service's filters source (or null) and the file
 * it came from (or null), which failures of the filters name.
 */
public record TermsJob(Terms terms, String filtersSource, Path filtersFile) {

    /** A terms without filters, e.g. a one-off capture. */
    public TermsJob(Terms terms) {
        this(terms, null, null);
    }

    public TermsKey key() {
        return new TermsKey(terms.service(), terms.type());
    }
}
