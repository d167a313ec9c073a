package org.clausecam.cli;

import org.clausecam.fetch.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code validate} on live pages (a server on 127.0.0.1), as Open Terms Archive's validate: each
 * problem names service, terms type, document and selector; {@code --schema-only} fetches nothing.
 */
class ValidateLiveTest {

    @TempDir
    static Path work;
    static FixtureServer server;
    static Path declarations;
    static CliRun run;

    @BeforeAll
    static void validateAFolderOfDeclarationsAgainstLocalPages() throws Exception {
        server = new FixtureServer()
                .serve("/terms", "text/html", "<html><body><main><h1>Terms</h1><p>Clause one.</p></main></body></html>")
                .serve("/empty", "text/html", "<html><body><main></main><footer>x</footer></body></html>");
        declarations = Files.createDirectories(work.resolve("declarations"));
        String base = server.url("/").toString();
        Files.writeString(declarations.resolve("Good.json"), """
                { "name": "Good", "terms": { "Terms of Service": { "fetch": "%sterms", "select": ["main"], "remove": ["h1"] } } }
                """.formatted(base));
        Files.writeString(declarations.resolve("Missing.json"), """
                { "name": "Missing", "terms": { "Terms of Service": { "fetch": "%sterms", "select": ["main", "#no-such-part"] } } }
                """.formatted(base));
        Files.writeString(declarations.resolve("Empty.json"), """
                { "name": "Empty", "terms": { "Privacy Policy": { "fetch": "%sempty", "select": ["main"] } } }
                """.formatted(base));
        Files.writeString(declarations.resolve("Throwing.json"), """
                { "name": "Throwing", "terms": { "Terms of Service": { "fetch": "%sterms", "select": ["main"], "filter": ["explode"] } } }
                """.formatted(base));
        Files.writeString(declarations.resolve("Throwing.filters.js"),
                "export function explode(document) { throw new Error('boom in explode'); }\n");
        run = CliRun.run("validate", "--declarations", declarations.toString(), "--allow-private-network");
        System.out.println(run.output());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSelectorThatMatchesNothingIsNamedWithItsDocument() {
        assertTrue(run.output().contains("Missing / Terms of Service: " + server.url("/terms") + ": selector \"#no-such-part\" matches nothing"),
                run.output());
    }

    @Test
    void aPageThatGivesAnEmptyVersionIsReported() {
        assertTrue(run.output().contains("Empty / Privacy Policy: " + server.url("/empty")
                + ": extraction failed: The selector \"main\" matches only empty content"), run.output());
    }

    @Test
    void aFilterThatThrowsIsReported() {
        assertTrue(run.output().contains("Throwing / Terms of Service: " + server.url("/terms") + ": the filters failed: ")
                && run.output().contains("boom in explode"), run.output());
    }

    @Test
    void aGoodDeclarationHasNoLineAndTheRunExitsOne() {
        assertFalse(run.output().contains("Good / "), run.output());
        assertTrue(run.output().contains("fetched 4 documents: 3 problems"), run.output());
        assertEquals(1, run.exit(), run.output());
    }

    @Test
    void schemaOnlyFetchesNothing() {
        int before = server.hits("/terms");

        CliRun schemaOnly = CliRun.run("validate", "--schema-only", "--declarations", declarations.toString());

        assertEquals(0, schemaOnly.exit(), schemaOnly.output());
        assertEquals(before, server.hits("/terms"));
    }
}
