package org.clausecam.declarations;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
class DeclarationLoaderTest {

    static Path resource(String name) {
        try {
            return Path.of(DeclarationLoaderTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    final Path folder = resource("declarations-loader");
    final DeclarationLoader loader = new DeclarationLoader(folder, TermsTypes.standard());

    @Test
    void claudeDeclaresItsPrivacyPolicyAsTwoCombinedDocumentsThatInheritTheParentSelector() throws Exception {
        Declaration claude = loader.load("Claude.ai");

        assertEquals("Claude.ai", claude.serviceId());
        assertEquals("Claude.ai", claude.name());
        Terms privacy = claude.terms("Privacy Policy").orElseThrow();
        assertTrue(privacy.combined());
        assertEquals("Claude.ai", privacy.service());
        assertEquals(List.of("legal-privacy", "legal-non-user-privacy-policy"),
                privacy.sourceDocuments().stream().map(SourceDocument::id).toList());
        assertEquals(URI.create("https://www.anthropic.com/legal/privacy"), privacy.sourceDocuments().get(0).location());
        for (SourceDocument d : privacy.sourceDocuments()) assertEquals(List.of(new Selector.Css("main")), d.select());
    }

    @Test
    void aSingleDocumentTermsHasNoSourceDocumentId() throws Exception {
        Terms tos = loader.load("Claude.ai").terms("Terms of Service").orElseThrow();

        assertFalse(tos.combined());
        assertEquals(1, tos.sourceDocuments().size());
        assertNull(tos.sourceDocuments().get(0).id());
        assertNull(tos.sourceDocuments().get(0).executeClientScripts());
    }

    @Test
    void combinedEntriesInheritOnlyTheKeysTheyDoNotSet() throws Exception {
        Declaration combined = loader.load("Combined");
        List<SourceDocument> docs = combined.terms("Privacy Policy").orElseThrow().sourceDocuments();

        SourceDocument privacy = docs.get(0);
        assertEquals("legal-privacy", privacy.id());
        assertEquals(List.of(new Selector.Css("main"), new Selector.Range("#start", null, null, "#end")), privacy.select());
        assertEquals(List.of(new Selector.Css(".banner")), privacy.remove());
        assertEquals(List.of("removeTrackers", "removeQueryParams"), privacy.filters().stream().map(FilterRef::name).toList());
        assertEquals("[\"utm_source\"]", privacy.filters().get(1).params().toString());
        assertNull(privacy.filters().get(0).params());
        assertEquals(Boolean.TRUE, privacy.executeClientScripts());

        SourceDocument cookies = docs.get(1);
        assertEquals("legal-cookies", cookies.id());
        assertEquals(List.of(new Selector.Css("article")), cookies.select());
        assertEquals(List.of(new Selector.Css(".banner")), cookies.remove());
        assertEquals(Boolean.FALSE, cookies.executeClientScripts());
    }

    @Test
    void theServiceFiltersSourceComesWithTheDeclaration() throws Exception {
        assertTrue(loader.load("Combined").filtersSource().contains("export function removeTrackers"));
        assertNull(loader.load("Claude.ai").filtersSource());
    }

    @Test
    void legacyDocumentsKeyIsReadLikeTerms() throws Exception {
        Terms tos = loader.load("Legacy").terms("Terms of Service").orElseThrow();

        assertEquals(List.of(new Selector.Css("#tos")), tos.sourceDocuments().get(0).select());
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        DeclarationException e = assertThrows(DeclarationException.class, () -> loader.load("Broken"));

        String line = e.problems().get(0).toString();
        assertTrue(line.startsWith(folder.resolve("Broken.json") + ": /: malformed JSON at line 4, column "), line);
    }

    @Test
    void everyProblemOfAFileIsReportedWithItsPointer() {
        DeclarationException e = assertThrows(DeclarationException.class, () -> loader.load("NoFetch"));

        assertEquals(List.of(
                        "/terms/Terms of Service: missing fetch (the URL of the document)",
                        "/terms/Privacy Policy/fetch: fetch must be an http(s) URL, got \"ftp://example.com/privacy\""),
                e.problems().stream().map(p -> p.pointer() + ": " + p.message()).toList());
    }

    @Test
    void oneBrokenFileDoesNotStopTheOthersFromLoading() throws Exception {
        LoadedDeclarations all = loader.loadAll();

        assertEquals(List.of("Claude.ai", "Combined", "Legacy"), all.declarations().stream().map(Declaration::serviceId).toList());
        assertEquals(3, all.problems().size());
        assertTrue(all.problems().stream().allMatch(p -> p.file().getFileName().toString().matches("Broken.json|NoFetch.json")));
    }

    @Test
    void aServiceIdThatWouldClimbOutOfTheFolderIsRefused() {
        DeclarationException e = assertThrows(DeclarationException.class, () -> loader.load("../declarations-loader/Claude.ai"));

        assertTrue(e.problems().get(0).message().contains("would escape the storage layout"), e.getMessage());
    }

    @Test
    void anUndeclaredServiceIsAProblemNamingItsFile() {
        DeclarationException e = assertThrows(DeclarationException.class, () -> loader.load("Nobody"));

        assertEquals(folder.resolve("Nobody.json") + ": /: no such file", e.problems().get(0).toString());
    }

    @Test
    void aFilterThatNoFiltersFileExportsIsRefusedWithItsPointer() {
        DeclarationLoader invalid = new DeclarationLoader(resource("declarations-invalid"), TermsTypes.standard());

        DeclarationException e = assertThrows(DeclarationException.class, () -> invalid.load("Unknown Filter"));

        assertEquals(List.of("/terms/Terms of Service/filter/1: unknown filter \"removeAds\": neither built in nor exported by the service's filters files"),
                e.problems().stream().map(p -> p.pointer() + ": " + p.message()).toList());
    }

    @Test
    void aCombineCannotHoldTheSameDocumentTwice() {
        DeclarationLoader invalid = new DeclarationLoader(resource("declarations-invalid"), TermsTypes.standard());

        DeclarationException e = assertThrows(DeclarationException.class, () -> invalid.load("Duplicate Document"));

        assertEquals(List.of("/terms/Privacy Policy/combine/1/fetch", "/terms/Privacy Policy/combine/2/fetch"),
                e.problems().stream().map(DeclarationProblem::pointer).toList());
    }

    @Test
    void anUnknownTermsTypeIsNamedWithTheTypeItMostLikelyMeant() {
        assertEquals("unknown terms type \"Cookies Policy\" (did you mean \"Trackers Policy\"?)", TermsTypes.standard().unknownTypeMessage("Cookies Policy"));
        assertEquals("unknown terms type \"Privacy Polcy\" (did you mean \"Privacy Policy\"?)", TermsTypes.standard().unknownTypeMessage("Privacy Polcy"));
        assertEquals("unknown terms type \"Recipes\"", TermsTypes.standard().unknownTypeMessage("Recipes"));
    }
}
