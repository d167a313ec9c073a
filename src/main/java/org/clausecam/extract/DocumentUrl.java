package org.clausecam.extract;

import java.net.URI;
import org.clausecam.declarations.SourceDocument;

/**
 * The URL a snapshot's page has, as a browser (and Open Terms Archive's jsdom) serialises it: what
 * its relative links resolve against and what filters see as {@code location.href}. The
 * {@link URI} a snapshot was fetched at percent-encodes what {@code java.net.URI} refuses
 * ({@code /docs/[v2]/} is {@code /docs/%5Bv2%5D/} there), which a browser leaves as it is; so
 * the declared URL's own serialisation is used when the snapshot comes from it.
 */
final class DocumentUrl {
    private DocumentUrl() {
    }

    static String of(SourceDocument document, URI location) {
        if (document != null && location.equals(document.location())) return document.href();
        return location.toString();
    }
}
