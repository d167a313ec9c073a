package org.clausecam.declarations;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
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

    /**
     * Every combined document of the 41 real genai-eu cases (ota-genai-eu-dev in the shared
     * corpus, from Open Terms Archive's genai-eu collection) has the id Open Terms Archive gave it:
     * the case's location and documentId, copied here.
     */
    @ParameterizedTest
    @CsvSource({
            "https://help.openai.com/en/articles/20001152-what-to-know-about-the-sora-discontinuation, en-articles-20001152-what-to-know-about-the-sora-discontinuation",
            "https://llama.developer.meta.com/docs/trust/data-commitments, docs-trust-data-commitments",
            "https://llama.developer.meta.com/legal/terms-of-service, legal-terms-of-service",
            "https://mbasic.facebook.com/privacy/policy/printable/, privacy-policy-printable",
            "https://openai.com/policies/sharing-publication-policy/, policies-sharing-publication-policy",
            "https://openai.com/policies/usage-policies/, policies-usage-policies",
            "https://openai.com/policies/using-chatgpt-agent-in-line-with-our-policies/, policies-using-chatgpt-agent-in-line-with-our-policies",
            "https://support.anthropic.com/en/articles/9307344-responsible-use-of-anthropic-s-models-guidelines-for-organizations-serving-minors, en-articles-9307344-responsible-use-of-anthropic-s-models-guidelines-for-organizations-serving-minors",
            "https://support.anthropic.com/en/articles/9528712-exceptions-to-our-usage-policy, en-articles-9528712-exceptions-to-our-usage-policy",
            "https://support.claude.com/en/articles/13145338-anthropic-software-directory-terms, en-articles-13145338-anthropic-software-directory-terms",
            "https://support.claude.com/en/articles/13145358-anthropic-software-directory-policy, en-articles-13145358-anthropic-software-directory-policy",
            "https://trust.anthropic.com/subprocessors, subprocessors",
            "https://www.anthropic.com/legal/aup, legal-aup",
            "https://www.anthropic.com/legal/data-processing-addendum, legal-data-processing-addendum",
            "https://www.anthropic.com/legal/non-user-privacy-policy, legal-non-user-privacy-policy",
            "https://www.anthropic.com/legal/privacy, legal-privacy",
            "https://www.facebook.com/legal/terms/Meta-Global-Processor-Terms, legal-terms-Meta-Global-Processor-Terms",
            "https://www.facebook.com/legal/terms/Meta-Global-Processor-Terms/Europe, legal-terms-Meta-Global-Processor-Terms-Europe",
            "https://www.facebook.com/legal/terms/data_security_terms, legal-terms-data_security_terms",
    })
    void matchesTheIdsOfTheRealCorpusCases(String location, String id) {
        assertEquals(id, SourceDocumentId.of(URI.create(location)));
    }
}
