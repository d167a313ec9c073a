package org.clausecam.export;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** File names and commit messages as Open Terms Archive's engine writes them. */
@Tag("unit")
class OtaNamesTest {

    @Test
    void aSingleDocumentSnapshotIsNamedAfterItsTermsTypeAndMediaType() {
        assertEquals("Claude.ai/Privacy Policy.html", OtaPaths.snapshot("Claude.ai", "Privacy Policy", null, "text/html; charset=utf-8"));
        assertEquals("DSA/Systemic Risk Report.pdf", OtaPaths.snapshot("DSA", "Systemic Risk Report", null, "application/pdf"));
    }

    @Test
    void aCombinedDocumentSnapshotCarriesItsDocumentIdAfterSpaceHash() {
        assertEquals("ChatGPT/Acceptable Use Policy #policies-usage-policies.html",
                OtaPaths.snapshot("ChatGPT", "Acceptable Use Policy", "policies-usage-policies", "text/html"));
    }

    @Test
    void versionsAreMarkdownFilesNamedAfterTheTermsType() {
        assertEquals("Claude.ai/Privacy Policy.md", OtaPaths.version("Claude.ai", "Privacy Policy"));
    }

    @Test
    void subjectsUseTheEngineThreePrefixes() {
        assertEquals("First record of X Terms of Service", OtaMessages.subject(ChangeKind.FIRST_RECORD, "X", "Terms of Service"));
        assertEquals("Record new changes of X Terms of Service", OtaMessages.subject(ChangeKind.CHANGED, "X", "Terms of Service"));
        assertEquals("Apply technical or declaration upgrade on X Terms of Service",
                OtaMessages.subject(ChangeKind.TECHNICAL, "X", "Terms of Service"));
        assertThrows(IllegalArgumentException.class, () -> OtaMessages.subject(ChangeKind.EMAIL, "X", "Terms of Service"));
    }

    @Test
    void aVersionWithoutSnapshotsHasNoReferenceParagraph() {
        assertEquals("Record new changes of X T\n\nX-engine-version: Clausecam 1\nX-clausecam-record: abc\n",
                OtaMessages.version(ChangeKind.CHANGED, "X", "T", List.of(), "%SNAPSHOT_ID", "Clausecam 1", "abc"));
    }

    @Test
    void aPathStartingWithAQuoteIsQuotedForFastImport() {
        assertEquals("Claude.ai/Privacy Policy.md", FastImportStream.quoted("Claude.ai/Privacy Policy.md"));
        assertEquals("\"\\\"Quoted\\\" Inc/T.md\"", FastImportStream.quoted("\"Quoted\" Inc/T.md"));
    }

    @Test
    void theGitBlobIdIsWhatGitHashObjectGives() {
        // printf 'hello\n' | git hash-object --stdin
        assertEquals("ce013625030ba8dba906f756967f9e9ca394464a", OtaExport.gitBlobId("hello\n".getBytes()));
    }
}
