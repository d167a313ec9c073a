package org.clausecam.extract;

import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector.SelectorParseException;

import java.util.Optional;

/**
 * Whether a declaration's CSS selector can be used by extraction, decided by the very engine
 * extraction selects with (jsoup, after {@link CssForJsoup}, with the {@link AttributeSelector}
 * fallback), so that {@code validate}, the declaration loader and a capture never disagree.
 */
public final class CssSelectorSyntax {

    private CssSelectorSyntax() {
    }

    /** Why {@code css} cannot be used ("Could not parse query 'main[[[': …"), or empty when it can. */
    public static Optional<String> problem(String css) {
        try {
            QueryParser.parse(CssForJsoup.adapt(css));
            return Optional.empty();
        } catch (SelectorParseException | IllegalArgumentException e) {
            if (AttributeSelector.parse(css).isPresent()) return Optional.empty();
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
