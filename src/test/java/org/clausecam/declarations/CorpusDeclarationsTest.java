package org.clausecam.declarations;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real declarations of two public Open Terms Archive collections, a sample kept in the test
 * resources (ota-declarations/README.md), are read without a problem.
 */
@Tag("unit")
class CorpusDeclarationsTest {

    static Path corpusFolder(String collection) throws java.net.URISyntaxException {
        return Path.of(CorpusDeclarationsTest.class.getResource("/ota-declarations/" + collection).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"contrib", "genai"})
    void everyCurrentDeclarationLoads(String collection) throws Exception {
        DeclarationLoader loader = DeclarationLoader.forCollection(corpusFolder(collection));

        LoadedDeclarations all = loader.loadAll();

        assertEquals(List.of(), all.problems().stream().map(DeclarationProblem::toString).toList());
        assertEquals(loader.serviceIds().size(), all.declarations().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"contrib", "genai"})
    void everyServiceLoadsAtEveryDateOfItsHistory(String collection) throws Exception {
        Path folder = corpusFolder(collection);
        DeclarationLoader loader = DeclarationLoader.forCollection(folder);
        List<String> failures = new java.util.ArrayList<>();
        int loads = 0;
        for (String serviceId : loader.serviceIds()) {
            Path historyFile = folder.resolve(serviceId + ".history.json");
            if (!Files.exists(historyFile)) continue;
            java.util.Set<java.time.Instant> dates = new java.util.TreeSet<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(historyFile.toFile()).findValuesAsText("validUntil")
                    .forEach(d -> dates.add(java.time.OffsetDateTime.parse(d).toInstant()));
            for (java.time.Instant date : dates) {
                loads++;
                try {
                    loader.declarationAt(serviceId, date);
                } catch (DeclarationException e) {
                    failures.add(e.getMessage());
                }
            }
        }
        assertTrue(loads > 0 || collection.equals("genai"));
        assertEquals(List.of(), failures);
    }

    @Tag("integration") // runs Node in a subprocess
    @org.junit.jupiter.api.Test
    void instagramFiltersAtAnOldDateAreAValidModuleWithTheOldFilters() throws Exception {
        Path folder = corpusFolder("contrib");
        String nodeJs = NodeJs.executable();
        Declaration old = DeclarationLoader.forCollection(folder).declarationAt("Instagram", java.time.Instant.parse("2022-01-01T00:00:00Z"));
        Path dir = Files.createTempDirectory("instagram-filters");
        Path module = dir.resolve("filters.mjs");
        Path runner = dir.resolve("run.mjs");
        try {
            Files.writeString(module, old.filtersSource());
            Files.writeString(runner, "import * as f from './filters.mjs';\n"
                    + "console.log(typeof f.cleanUrls, typeof f.removeTrackingIDs, typeof f.replaceInfoImageWithEmoji);\n");
            Process node = new ProcessBuilder(nodeJs, runner.toString()).redirectErrorStream(true).start();
            String out = new String(node.getInputStream().readAllBytes()).strip();
            node.waitFor();
            assertEquals("function function function", out);
        } finally {
            Files.delete(module);
            Files.delete(runner);
            Files.delete(dir);
        }
    }

    /** Open Terms Archive's own validator accepts every file of these collections; so must ours. */
    @ParameterizedTest
    @ValueSource(strings = {"contrib", "genai"})
    void everyDeclarationAndHistoryFileIsValid(String collection) throws Exception {
        Path folder = corpusFolder(collection);
        DeclarationValidator validator = new DeclarationValidator(TermsTypes.standard());

        long start = System.nanoTime();
        DeclarationValidator.Report report = validator.validateFolder(folder);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("validated %d files of %s in %d ms%n", report.filesChecked(), collection, millis);
        assertEquals(List.of(), report.problems().stream().map(DeclarationProblem::toString).toList());
        assertEquals(collection.equals("contrib") ? 10 : 8, report.filesChecked(), "declaration and history files in " + folder);
    }
}
