package org.clausecam.declarations;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A collection's own terms types, as Open Terms Archive's collections declare them. */
@Tag("unit")
class TermsTypesTest {

    static final Path COLLECTION = DeclarationLoaderTest.resource("collection-own-terms-types");
    static final Path DECLARATIONS = COLLECTION.resolve("declarations");

    @Test
    void aCollectionsOwnListBesideItsDeclarationsReplacesTheStandardOne() throws Exception {
        TermsTypes types = TermsTypes.forDeclarations(DECLARATIONS);

        assertEquals(Set.of("Reports List", "Systemic Risks — 2023"), types.names());
        assertFalse(types.isKnown("Terms of Service"));
        assertEquals(COLLECTION.resolve(TermsTypes.COLLECTION_FILE).toAbsolutePath().normalize(), types.file().orElseThrow());
    }

    @Test
    void withoutAListOfItsOwnAFolderUsesTheStandardList() throws Exception {
        TermsTypes types = TermsTypes.forDeclarations(DeclarationLoaderTest.resource("declarations-history"));

        assertTrue(types.isKnown("Terms of Service"));
        assertTrue(types.file().isEmpty());
    }

    @Test
    void declarationsWithTheCollectionsTypesLoadWithItsList() throws Exception {
        Declaration platform = DeclarationLoader.forCollection(DECLARATIONS).load("Platform");

        assertEquals(List.of("Reports List", "Systemic Risks — 2023"), List.copyOf(platform.terms().keySet()));
    }

    @Test
    void theSameDeclarationsAreRefusedWithTheStandardList() {
        DeclarationException e = assertThrows(DeclarationException.class,
                () -> new DeclarationLoader(DECLARATIONS, TermsTypes.standard()).load("Platform"));

        assertEquals(List.of("/terms/Reports List: unknown terms type \"Reports List\"",
                        "/terms/Systemic Risks — 2023: unknown terms type \"Systemic Risks — 2023\""),
                e.problems().stream().map(p -> p.pointer() + ": " + p.message()).toList());
    }

    @Test
    void aRefusalNamesTheCollectionsListAndSuggestsByAlias() throws Exception {
        TermsTypes types = TermsTypes.forDeclarations(DECLARATIONS);

        assertEquals("unknown terms type \"Risk Assessment 2023\" (did you mean \"Systemic Risks — 2023\"?) (not in "
                + types.file().orElseThrow() + ")", types.unknownTypeMessage("Risk Assessment 2023"));
    }

    @Test
    void theValidatorChecksTypesAgainstTheListItIsGiven() throws Exception {
        Path file = DECLARATIONS.resolve("Platform.json");

        assertEquals(List.of(), new DeclarationValidator(TermsTypes.forDeclarations(DECLARATIONS)).validateFile(file));
        assertEquals(2, new DeclarationValidator(TermsTypes.standard()).validateFile(file).size());
    }

    @Test
    void aListThatIsNotAnObjectOfTypesIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("termsTypes.json"), "[\"Reports List\"]");

        TermsTypesException e = assertThrows(TermsTypesException.class, () -> TermsTypes.read(file));

        assertEquals("terms types list " + file + ": a terms types list must be a JSON object whose keys are the types", e.getMessage());
    }

    @Test
    void aMalformedListIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("termsTypes.json"), "{ \"Reports List\": ");

        TermsTypesException e = assertThrows(TermsTypesException.class, () -> TermsTypes.read(file));

        assertTrue(e.getMessage().startsWith("terms types list " + file + ": malformed JSON"), e.getMessage());
    }
}
