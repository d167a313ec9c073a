package org.clausecam.extract;

import java.net.URI;
import org.clausecam.declarations.SourceDocument;

/**
 * The URL a snapshot's page has, as a browser (and Open Terms Archive's jsdom) serialises it: what
 * its relative links resolve against and what filters see as {@code location.href}. The
 * {@link URI} a snapshot was fetched at percent-encodes what {@code java.net.URI} refuses
 * ({@code /docs/[v2]/} is {@code /docs/%5Bv2%5D/} there), which a browser leaves as it is; so
 * the declared URL's own serialisation is used when the snapshot comes from it (a browser's
 * page URL drops the declared fragment, which changes no link).
 */
final class DocumentUrl {
    private DocumentUrl() {
    }

    static String of(SourceDocument document, URI location) {
        if (document == null || document.location() == null) return location.toString();
        if (location.equals(document.location())) return document.href();
        if (document.location().getRawFragment() != null && location.getRawFragment() == null
                && location.toString().equals(beforeFragment(document.location().toString()))) {
            return beforeFragment(document.href());
        }
        return location.toString();
    }

    /** In a serialised URL the first {@code #} starts the fragment: the path and query hold it encoded. */
    private static String beforeFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
