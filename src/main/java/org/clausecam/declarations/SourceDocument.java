package org.clausecam.declarations;

import java.net.URI;
import java.util.List;

/**
 * One page (or PDF) that makes up a terms, with everything needed to fetch it and extract its
 * text. For combined terms the keys the entry does not set are inherited from its parent.
 *
 * @param id                   the source-document id ({@code legal-privacy}) for combined terms;
 *                             {@code null} for terms with a single document
 * @param location             the URL to fetch
 * @param select               what to keep (empty: the whole body)
 * @param remove               what to drop
 * @param filters              declared filters, in order
 * @param executeClientScripts {@code TRUE}: always a browser; {@code null}: plain HTTP first, the
 *                             browser when the answer looks bot-blocked or empty; {@code FALSE}: never
 * @param href                 the declared URL as the URL Standard serialises it (a browser's
 *                             {@code location.href}), which relative links resolve against; it may
 *                             hold what {@code location} percent-encodes ({@code [} in a path)
 */
public record SourceDocument(
        String id,
        URI location,
        List<Selector> select,
        List<Selector> remove,
        List<FilterRef> filters,
        Boolean executeClientScripts,
        String href) {

    public SourceDocument {
        select = List.copyOf(select);
        remove = List.copyOf(remove);
        filters = List.copyOf(filters);
        if (href == null) href = location == null ? null : location.toString();
    }

    /** A document whose URL serialises as {@code location} does. */
    public SourceDocument(String id, URI location, List<Selector> select, List<Selector> remove, List<FilterRef> filters,
                          Boolean executeClientScripts) {
        this(id, location, select, remove, filters, executeClientScripts, null);
    }
}
