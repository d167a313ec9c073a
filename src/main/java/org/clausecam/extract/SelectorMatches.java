package org.clausecam.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.clausecam.declarations.Selector;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.fetch.HtmlEncoding;
import org.jsoup.nodes.Document;

/**
 * Which of a document's declared selectors match nothing in a snapshot, read with the parser and
 * CSS engine extraction uses: a selector that matches nothing makes a version without what the
 * declaration meant to keep (or drop), though nothing fails.
 */
public final class SelectorMatches {
    private SelectorMatches() {
    }

    /**
     * @param fetched the document as fetched, decoded as extraction decodes it ({@link HtmlEncoding#text})
     * @return the selectors (CSS text; for a range, the boundary selector) that match nothing, in declared order
     * @throws ExtractionException when a selector does not parse
     */
    public static List<String> unmatched(FetchedDocument fetched, List<Selector> selectors) throws ExtractionException {
        URI location = fetched.location();
        Document document = ScriptlessHtmlParser.parse(HtmlEncoding.text(fetched), location.toString());
        List<String> unmatched = new ArrayList<>();
        for (Selector selector : selectors) {
            List<String> parts = selector instanceof Selector.Range range ? List.of(range.start(), range.end())
                    : List.of(((Selector.Css) selector).css());
            for (String css : parts) {
                if (ContentSelection.selectAll(document, css, location).isEmpty()) unmatched.add(css);
            }
        }
        return unmatched;
    }
}
