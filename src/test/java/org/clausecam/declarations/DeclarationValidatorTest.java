package org.clausecam.declarations;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
class DeclarationValidatorTest {

    static final DeclarationValidator validator = new DeclarationValidator(TermsTypes.standard());
    static final Path invalid = DeclarationLoaderTest.resource("declarations-invalid");

    /** Each invalid fixture, and exactly the problem lines it must produce. */
    static Stream<Arguments> invalidDeclarations() {
        return Stream.of(
                Arguments.of("Missing Fetch.json", List.of(
                        "/terms/Terms of Service: missing required property \"fetch\"")),
                Arguments.of("Bad URL.json", List.of(
                        "/terms/Privacy Policy/fetch: fetch must be an http(s) URL, got \"not a url\"",
                        "/terms/Terms of Service/fetch: fetch must be an http(s) URL, got \"javascript:alert(1)\"")),
                Arguments.of("Unknown Type.json", List.of(
                        "/terms/Terms of Servise: unknown terms type \"Terms of Servise\" (did you mean \"Terms of Service\"?)")),
                Arguments.of("Unknown Property.json", List.of(
                        "/terms/Terms of Service/selector: unknown property \"selector\"")),
                Arguments.of("Bad Range.json", List.of(
                        "/terms/Terms of Service/remove: a range selector needs exactly one of startBefore/startAfter and exactly one of endBefore/endAfter",
                        "/terms/Terms of Service/remove/endAt: unknown property \"endAt\"",
                        "/terms/Terms of Service/select/1: a range selector needs exactly one of startBefore/startAfter and exactly one of endBefore/endAfter")),
                Arguments.of("Malformed.json", List.of(
                        "/: malformed JSON at line 4, column 62: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries")),
                Arguments.of("...json", List.of(
                        "/: service name \"..\" contains '..': it would escape the storage layout",
                        "/terms/..~1..~1etc: terms type \"../../etc\" contains '..': it would escape the storage layout")),
                Arguments.of("Unknown Filter.json", List.of(
                        "/terms/Terms of Service/filter/1: unknown filter \"removeAds\": neither built in nor exported by the service's filters files")),
                Arguments.of("Duplicate Document.json", List.of(
                        "/terms/Privacy Policy/combine/1/fetch: duplicate source document https://example.com/legal/privacy (also at /terms/Privacy Policy/combine/0)",
                        "/terms/Privacy Policy/combine/2/fetch: source document id \"legal-privacy\" of https://other.example/legal/privacy.html is also the id of the document at /terms/Privacy Policy/combine/0: their snapshots would overwrite each other")),
                Arguments.of("Bad History.history.json", List.of(
                        "/Terms of Service/0: missing required property \"validUntil\"",
                        "/Terms of Service/1/validUntil: must be an RFC 3339 date-time (such as 2024-05-02T00:30:06Z), got \"last year\"")),
                Arguments.of("Missing Name.json", List.of(
                        "/: missing required property \"name\"",
                        "/terms/Terms of Service/executeClientScripts: string found, boolean expected",
                        "/terms/Terms of Service/fetch: integer found, string expected",
                        "/terms/Terms of Service/select: must be at least 1 characters long")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDeclarations")
    void reportsEachProblemAsFilePointerAndMessage(String fileName, List<String> expected) {
        Path file = invalid.resolve(fileName);

        List<DeclarationProblem> problems = validator.validateFile(file);

        assertEquals(expected.stream().map(line -> file + ": " + line).toList(),
                problems.stream().map(DeclarationProblem::toString).toList());
    }

    @Test
    void aFolderReportIncludesEveryFileAndCountsThem() throws Exception {
        DeclarationValidator.Report report = validator.validateFolder(invalid);

        assertEquals(12, report.filesChecked());
        assertTrue(report.problems().stream().anyMatch(p -> p.file().getFileName().toString().equals("Malformed.json")));
        assertTrue(report.problems().stream().noneMatch(p -> p.file().getFileName().toString().equals("Bad History.json")));
    }

    @Test
    void theDeclarationsTheLoaderReadsAreValid() throws Exception {
        assertEquals(List.of(), validator.validateFolder(DeclarationLoaderTest.resource("declarations-history")).problems());
        for (String name : List.of("Claude.ai.json", "Combined.json", "Legacy.json")) {
            assertEquals(List.of(), validator.validateFile(DeclarationLoaderTest.resource("declarations-loader").resolve(name)));
        }
    }
}
