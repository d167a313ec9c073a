package org.clausecam.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clausecam.declarations.DeclarationLoader;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.TermsTypes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links of a page declared at a URL holding {@code [} and {@code ]} resolve as a browser's
 * {@code new URL(href, location).href} gives them (the URL Standard leaves brackets in paths and
 * queries as they are), not against the percent-encoded form the page is fetched at.
 */
@Tag("unit")
class BracketedPageUrlTest {
    private static final String PAGE = "<main><a href=\"privacy\">Privacy</a> <a href=\"../[v3]/terms?y=[2]\">Next</a>"
            + " <a href=\"?x=[9]\">Other</a> <a href=\"/%5Bkept%5D\">Encoded</a></main>";

    @Test
    void relativeLinksKeepTheBracketsOfThePageUrl(@TempDir Path declarations) throws Exception {
        Files.writeString(declarations.resolve("Docs.json"), """
                {"name": "Docs", "terms": {"Terms of Service": {"fetch": "https://example.com/docs/[v2]/terms?x=[1]", "select": "main"}}}
                """);
        SourceDocument document = new DeclarationLoader(declarations, TermsTypes.standard()).load("Docs")
                .terms("Terms of Service").orElseThrow().sourceDocuments().get(0);

        String version = new Extractor().extract(document, null, PAGE.getBytes(StandardCharsets.UTF_8), "text/html", document.location());

        assertEquals("[Privacy](https://example.com/docs/[v2]/privacy) [Next](https://example.com/docs/[v3]/terms?y=[2])"
                + " [Other](https://example.com/docs/[v2]/terms?x=[9]) [Encoded](https://example.com/%5Bkept%5D)", version);
    }

    /** A browser's page URL has no fragment; the declared one may. */
    @Test
    void aDeclaredFragmentDoesNotLoseTheBrackets(@TempDir Path declarations) throws Exception {
        Files.writeString(declarations.resolve("Docs.json"), """
                {"name": "Docs", "terms": {"Terms of Service": {"fetch": "https://example.com/docs/[v2]/terms#part-2", "select": "main"}}}
                """);
        SourceDocument document = new DeclarationLoader(declarations, TermsTypes.standard()).load("Docs")
                .terms("Terms of Service").orElseThrow().sourceDocuments().get(0);
        URI rendered = URI.create("https://example.com/docs/%5Bv2%5D/terms");

        String version = new Extractor().extract(document, null, PAGE.getBytes(StandardCharsets.UTF_8), "text/html", rendered);

        assertTrue(version.startsWith("[Privacy](https://example.com/docs/[v2]/privacy)"), version);
    }

    @Test
    void theFetchedUrlStillHoldsThemPercentEncodedForJavaNetHttp(@TempDir Path declarations) throws Exception {
        Files.writeString(declarations.resolve("Docs.json"), """
                {"name": "Docs", "terms": {"Terms of Service": {"fetch": "https://example.com/docs/[v2]/terms?x=[1]"}}}
                """);
        SourceDocument document = new DeclarationLoader(declarations, TermsTypes.standard()).load("Docs")
                .terms("Terms of Service").orElseThrow().sourceDocuments().get(0);

        assertEquals("https://example.com/docs/%5Bv2%5D/terms?x=[1]", document.location().toString());
        assertEquals("https://example.com/docs/[v2]/terms?x=[1]", document.href());
    }
}
