package org.clausecam.declarations;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The declarations shipped in the repository's {@code declarations/} folder are valid and load. */
@Tag("unit")
class RepositoryDeclarationsTest {

    static final Path folder = Path.of(System.getProperty("clausecam.projectDir", "."), "declarations");

    @Test
    void areValid() throws Exception {
        DeclarationValidator.Report report = new DeclarationValidator(TermsTypes.standard()).validateFolder(folder);

        assertEquals(List.of(), report.problems().stream().map(DeclarationProblem::toString).toList());
    }

    @Test
    void includeClaudeWithItsCombinedPrivacyPolicy() throws Exception {
        LoadedDeclarations all = DeclarationLoader.forCollection(folder).loadAll();

        assertEquals(List.of(), all.problems());
        Declaration claude = all.declarations().stream().filter(d -> d.serviceId().equals("Claude.ai")).findFirst().orElseThrow();
        Terms privacy = claude.terms("Privacy Policy").orElseThrow();
        assertEquals(List.of("legal-privacy", "legal-non-user-privacy-policy"),
                privacy.sourceDocuments().stream().map(SourceDocument::id).toList());
        assertTrue(claude.terms().keySet().containsAll(List.of("Terms of Service", "Acceptable Use Policy")));
    }
}
