package org.clausecam.declarations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class SourceDocumentIdTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "https://www.anthropic.com/legal/privacy legal-privacy",
            "https://openai.com/policies/usage-policies/ policies-usage-policies",
            "https://trust.anthropic.com/subprocessors subprocessors",
            "https://mbasic.facebook.com/privacy/policy/printable/ privacy-policy-printable",
            "https://www.facebook.com/legal/terms/data_security_terms legal-terms-data_security_terms",
            "https://example.com/legal/terms.html legal-terms",
            "https://example.com/legal/terms.PDF legal-terms",
            "https://example.com/legal/terms.php?lang=en legal-terms",
            "https://example.com/legal/cgv.aspx legal-cgv",
            "https://example.com/legal/v1.2 legal-v1.2",
            "https://example.com/legal/caf%C3%A9 legal-café",
            "https://example.com/a%3Fb%2Fc a_b-c",
            "https://example.com/.well-known/ .well-known",
    })
    void isThePathWithoutKnownExtensionJoinedByDashes(String location, String id) {
        assertEquals(id, SourceDocumentId.of(URI.create(location)));
    }

    @Test
    void theRootPathGivesAnEmptyId() {
        assertEquals("", SourceDocumentId.of(URI.create("https://example.com/")));
        assertEquals("", SourceDocumentId.of(URI.create("https://example.com")));
    }

    /** Every combined document of the real genai-eu cases has the id Open Terms Archive gave it. */
    @Test
    void matchesTheIdsOfTheRealCorpusCases() throws Exception {
        Path corpus = Path.of("/work/shared/corpus/ota-genai-eu-dev");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus not present");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> cases = Files.list(corpus)) {
            for (Path caseJson : cases.map(c -> c.resolve("case.json")).filter(Files::exists).toList()) {
                JsonNode c = new ObjectMapper().readTree(caseJson.toFile());
                for (JsonNode d : c.path("sourceDocuments")) {
                    if (!d.hasNonNull("documentId")) continue;
                    checked++;
                    String id = SourceDocumentId.of(URI.create(d.get("location").asText()));
                    if (!id.equals(d.get("documentId").asText())) mismatches.add(d.get("location").asText() + " -> " + id);
                }
            }
        }
        assertTrue(checked > 10, "checked " + checked);
        assertEquals(List.of(), mismatches);
    }
}
