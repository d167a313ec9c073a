package org.clausecam.declarations;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The public Open Terms Archive collections in the shared corpus, when present, are read without a problem. */
class CorpusDeclarationsTest {

    static Path corpusFolder(String collection) {
        Path folder = Path.of("/work/shared/corpus/declarations", collection);
        Assumptions.assumeTrue(Files.isDirectory(folder), "corpus collection not present: " + folder);
        return folder;
    }

    @ParameterizedTest
    @ValueSource(strings = {"contrib", "genai"})
    void everyCurrentDeclarationLoads(String collection) throws Exception {
        DeclarationLoader loader = new DeclarationLoader(corpusFolder(collection));

        LoadedDeclarations all = loader.loadAll();

        assertEquals(List.of(), all.problems().stream().map(DeclarationProblem::toString).toList());
        assertEquals(loader.serviceIds().size(), all.declarations().size());
    }
}
