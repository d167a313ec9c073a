package org.clausecam.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
class ValidateCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** The checks of the files only: their URLs are examples, never fetched. */
    int validate(String... args) {
        CommandLine cli = new CommandLine(new ValidateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] schemaOnly = new String[args.length + 1];
        System.arraycopy(args, 0, schemaOnly, 0, args.length);
        schemaOnly[args.length] = "--schema-only";
        return cli.execute(schemaOnly);
    }

    static String folder(String name) {
        try {
            return Path.of(ValidateCommandTest.class.getResource("/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCleanFolderExitsZeroWithASummaryOnStderr() {
        assertEquals(0, validate("--declarations", folder("declarations-history")));
        assertEquals("", out.toString());
        assertEquals("checked 2 files: 0 problems", err.toString().strip());
    }

    @Test
    void problemsArePrintedOneLinePerProblemAndExitOne() {
        String dir = folder("declarations-invalid");

        assertEquals(1, validate("--declarations", dir));

        String[] lines = out.toString().split("\n");
        assertEquals(20, lines.length);
        assertTrue(out.toString().contains(Path.of(dir, "Unknown Type.json") + ": /terms/Terms of Servise: unknown terms type \"Terms of Servise\" (did you mean \"Terms of Service\"?)\n"));
        assertEquals("checked 12 files: 20 problems", err.toString().strip());
    }

    @Test
    void filesCanBeNamedInsideTheDeclarationsFolder() {
        assertEquals(1, validate("--declarations", folder("declarations-invalid"), "Missing Fetch.json", "Bad History.json"));

        assertEquals(Path.of(folder("declarations-invalid"), "Missing Fetch.json")
                + ": /terms/Terms of Service: missing required property \"fetch\"", out.toString().strip());
        assertEquals("checked 2 files: 1 problem", err.toString().strip());
    }

    @Test
    void aMissingFolderIsBadInput() {
        assertEquals(2, validate("--declarations", "/nonexistent/declarations"));
        assertEquals("clausecam: declarations folder not found: /nonexistent/declarations", err.toString().strip());
    }

    @Test
    void aMissingFileIsBadInput() {
        assertEquals(2, validate("--declarations", folder("declarations-invalid"), "Nobody.json"));
        assertTrue(err.toString().contains("no such declaration file: Nobody.json"));
    }

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    private String declarationsWith(String file, String json) throws java.io.IOException {
        java.nio.file.Files.writeString(tmp.resolve(file), json);
        return tmp.toString();
    }

    @Test
    void aSelectorThatTheExtractorCannotParseIsAProblem() throws Exception {
        String dir = declarationsWith("Example.json", """
                {"name": "Example", "terms": {"Terms of Service": {"fetch": "https://example.com/tos",
                  "select": ["main[[["], "remove": [{"startAfter": "h1", "endBefore": "footer >> x"}]}}}
                """);

        assertEquals(1, validate("--declarations", dir));

        assertTrue(out.toString().contains("/terms/Terms of Service/select/0: invalid CSS selector \"main[[[\""), out.toString());
        assertTrue(out.toString().contains("/terms/Terms of Service/remove/0/endBefore: invalid CSS selector"), out.toString());
    }

    @Test
    void selectorsTheExtractorAcceptsAreNotProblems() throws Exception {
        String dir = declarationsWith("Example.json", """
                {"name": "Example", "terms": {"Terms of Service": {"fetch": "https://example.com/tos",
                  "select": ["main > article", "[lang|=en]", "div[class~=terms]"]}}}
                """);
        assertEquals(0, validate("--declarations", dir), out.toString());
    }

    @Test
    void namesTheStoreRefusesAreProblemsByTheStoresOwnRule() throws Exception {
        declarationsWith(".Hidden.json", """
                {"name": "Hidden", "terms": {"Terms of Service": {"fetch": "https://example.com/tos", "select": ["main"]}}}
                """);
        String dir = declarationsWith("Example.json", """
                {"name": "Example", "terms": {" Privacy Policy": {"fetch": "https://example.com/p", "select": ["main"]}}}
                """);

        assertEquals(1, validate("--declarations", dir));

        assertTrue(out.toString().contains("service name \".Hidden\" starts with '.'"), out.toString());
        assertTrue(out.toString().contains("terms type \" Privacy Policy\" starts or ends with white space"), out.toString());
    }

    @Test
    void controlCharactersFromADeclarationAreEscapedInEveryLine() throws Exception {
        String dir = declarationsWith("Example.json", """
                {"name": "Example", "terms": {"Terms\\u001b[2Jof Service": {"fetch": "https://example.com/tos", "select": ["main"]}}}
                """);

        assertEquals(1, validate("--declarations", dir));

        assertFalse(out.toString().contains("\u001b"), "no raw escape character reaches the terminal");
        assertTrue(out.toString().contains("Terms\\u001b[2Jof Service"), out.toString());
    }

    @Test
    void malformedJsonIsReportedByLineAndColumnWithoutLibraryInternals() throws Exception {
        String dir = declarationsWith("Example.json", "{\"name\": \"Example\",\n  \"terms\": {,}}\n");

        assertEquals(1, validate("--declarations", dir));

        assertTrue(out.toString().contains("malformed JSON at line 2, column 13"), out.toString());
        assertFalse(out.toString().contains("[Source:"), out.toString());
        assertFalse(out.toString().contains("reference chain"), out.toString());
    }

    @Test
    void jacksonErrorsReadAsFileLineColumnAndTheirFirstSentence() throws Exception {
        java.nio.file.Path file = tmp.resolve("broken.json");
        java.nio.file.Files.writeString(file, "{\n  \"a\": tru }");
        Exception e = assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()));

        String line = UserText.errorLine(new IllegalStateException("cannot load the declarations", e));

        // Jackson no longer keeps the source in its locations; the file is named by the message that wraps it.
        assertTrue(line.startsWith("cannot load the declarations: line 2, column "), line);
        assertTrue(line.contains("Unrecognized token"), line);
        assertFalse(line.contains("[Source:"), line);
    }
}
