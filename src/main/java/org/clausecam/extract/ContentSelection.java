package org.clausecam.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.clausecam.declarations.Selector;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector.SelectorParseException;

/** A declaration's {@code remove} and {@code select} applied to a parsed snapshot. */
final class ContentSelection {
    private ContentSelection() {
    }

    /**
     * Removes what the selectors match, in place: all CSS matches first, then the ranges (computed
     * before any removal and kept live, so a range still applies when its boundary elements go).
     */
    static void remove(Document document, List<Selector> selectors, URI location) throws ExtractionException {
        LiveRanges ranges = new LiveRanges();
        List<Element> nodes = new ArrayList<>();
        for (Selector selector : selectors) {
            if (selector instanceof Selector.Range range) ranges.add(range(document, range, location));
            else nodes.addAll(selectAll(document, ((Selector.Css) selector).css(), location));
        }
        for (Element node : nodes) ranges.remove(node);
        for (DomRange range : ranges.all()) range.deleteContents(ranges);
    }

    /** Clones of what the selectors match, in selector order, as the children of one fragment. */
    static List<Node> select(Document document, List<Selector> selectors, URI location) throws ExtractionException {
        List<Node> fragment = new ArrayList<>();
        for (Selector selector : selectors) {
            if (selector instanceof Selector.Range range) {
                fragment.addAll(range(document, range, location).cloneContents());
            } else {
                for (Element element : selectAll(document, ((Selector.Css) selector).css(), location)) fragment.add(element.clone());
            }
        }
        return fragment;
    }

    private static DomRange range(Document document, Selector.Range range, URI location) throws ExtractionException {
        Element start = first(document, range.start(), location);
        Element end = first(document, range.end(), location);
        if (start == null) throw new ExtractionException("The \"start\" selector \"" + range.start() + "\" of " + range + " has no match in the web page at " + location);
        if (end == null) throw new ExtractionException("The \"end\" selector \"" + range.end() + "\" of " + range + " has no match in the web page at " + location);
        return DomRange.between(start, range.startsInclusive(), end, !range.endsInclusive());
    }

    private static Element first(Document document, String css, URI location) throws ExtractionException {
        Elements matches = selectAll(document, css, location);
        return matches.isEmpty() ? null : matches.get(0);
    }

    static Elements selectAll(Document document, String css, URI location) throws ExtractionException {
        try {
            return document.select(CssForJsoup.adapt(css));
        } catch (SelectorParseException e) {
            java.util.Optional<AttributeSelector> simple = AttributeSelector.parse(css);
            if (simple.isPresent()) return simple.get().select(document);
            throw new ExtractionException("Invalid CSS selector \"" + abbreviate(css) + "\" for " + location + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String css) {
        return css.length() > 200 ? css.substring(0, 200) + "…" : css;
    }
}
