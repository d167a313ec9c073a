package org.clausecam.declarations;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
class DeclarationHistoryTest {

    final DeclarationLoader loader = new DeclarationLoader(DeclarationLoaderTest.resource("declarations-history"), TermsTypes.standard());

    static URI locationOf(Declaration d, String type) {
        return d.terms(type).orElseThrow().sourceDocuments().get(0).location();
    }

    @Test
    void withoutADateTheCurrentDeclarationApplies() throws Exception {
        Declaration now = loader.load("Example");

        assertEquals(URI.create("https://example.com/terms/v3"), locationOf(now, "Terms of Service"));
        assertTrue(now.terms("Privacy Policy").isEmpty());
    }

    @Test
    void theFirstEntryValidAtOrAfterTheDateAppliesWhateverTheOrderInTheFile() throws Exception {
        assertEquals(URI.create("https://example.com/terms/v1"),
                locationOf(loader.declarationAt("Example", Instant.parse("2022-06-01T00:00:00Z")), "Terms of Service"));
        assertEquals(URI.create("https://example.com/terms/v2"),
                locationOf(loader.declarationAt("Example", Instant.parse("2023-06-01T00:00:00Z")), "Terms of Service"));
    }

    @Test
    void anEntryStillAppliesAtTheVeryInstantOfItsValidUntil() throws Exception {
        // 2023-01-01T12:00:00+01:00 is 11:00 UTC.
        assertEquals(URI.create("https://example.com/terms/v1"),
                locationOf(loader.declarationAt("Example", Instant.parse("2023-01-01T11:00:00Z")), "Terms of Service"));
        assertEquals(URI.create("https://example.com/terms/v2"),
                locationOf(loader.declarationAt("Example", Instant.parse("2023-01-01T11:00:01Z")), "Terms of Service"));
    }

    @Test
    void afterTheLastEntryTheCurrentDeclarationApplies() throws Exception {
        Declaration later = loader.declarationAt("Example", Instant.parse("2025-01-01T00:00:00Z"));

        assertEquals(URI.create("https://example.com/terms/v3"), locationOf(later, "Terms of Service"));
    }

    @Test
    void termsTheServiceNoLongerDeclaresExistAtDatesTheirHistoryCovers() throws Exception {
        assertEquals(URI.create("https://example.com/privacy-old"),
                locationOf(loader.declarationAt("Example", Instant.parse("2021-01-01T00:00:00Z")), "Privacy Policy"));
        assertTrue(loader.declarationAt("Example", Instant.parse("2022-01-02T00:00:00Z")).terms("Privacy Policy").isEmpty());
    }

    @Test
    void withoutADateTheFiltersAreTheCurrentFileUnchanged() throws Exception {
        assertEquals(Files.readString(loader.folder().resolve("Example.filters.js")), loader.load("Example").filtersSource());
    }

    @Tag("integration") // runs Node in a subprocess
    @Test
    void filtersAtADateExportTheVersionsValidThen() throws Exception {
        assertEquals("v1 v2 current", runFilters(loader.declarationAt("Example", Instant.parse("2022-06-01T00:00:00Z"))));
        assertEquals("v2 v2 current", runFilters(loader.declarationAt("Example", Instant.parse("2024-06-01T00:00:00Z"))));
        assertEquals("current - current", runFilters(loader.declarationAt("Example", Instant.parse("2025-01-01T00:00:00Z"))));
    }

    /**
     * Imports the declaration's filters module in Node with a tiny fake document and returns what
     * cleanLinks, dropTracking (when exported at that date) and the current markCurrent wrote.
     */
    static String runFilters(Declaration declaration) throws IOException, InterruptedException {
        String nodeJs = NodeJs.executable();
        Path dir = Files.createTempDirectory("filters");
        try {
            Files.writeString(dir.resolve("filters.mjs"), declaration.filtersSource(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("run.mjs"), """
                    import * as filters from './filters.mjs';
                    const run = name => {
                      const attrs = {};
                      const document = { body: { setAttribute: (k, v) => { attrs[k] = v; } } };
                      if (!filters[name]) return '-';
                      filters[name](document);
                      return Object.values(attrs).join(',');
                    };
                    console.log([run('cleanLinks'), run('dropTracking'), run('markCurrent')].join(' '));
                    """, StandardCharsets.UTF_8);
            Process node = new ProcessBuilder(nodeJs, dir.resolve("run.mjs").toString()).redirectErrorStream(true).start();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(node.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, node.exitValue(), out);
            return out;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }
}
