package org.clausecam.cli;

import org.clausecam.fetch.FaultServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad declarations through the real {@code track} command, all in one folder with a good one:
 * each gets one line naming its file and the JSON pointer, URL or selector at fault, the good
 * declaration is still tracked, and the run exits 1.
 */
class BadDeclarationsTrackTest {

    @TempDir
    static Path work;
    static Path declarations;
    static FaultServer server;
    static CliRun run;

    /** File name → its content ({@code %s} is the server's base URL) → the line expected about it. */
    static Stream<Arguments> badDeclarations() {
        return Stream.of(
                Arguments.of("Malformed.json",
                        "{ \"name\": \"Malformed\", \"terms\": { \"Terms of Service\": { \"fetch\": \"%s/ok/malformed\", } }",
                        "skipped: {file}: /: malformed JSON at line 1, column "),
                Arguments.of("UnknownType.json",
                        "{ \"name\": \"UnknownType\", \"terms\": { \"Terms of Servise\": { \"fetch\": \"%s/ok/type\", \"select\": [\"body\"] } } }",
                        "skipped: {file}: /terms/Terms of Servise: unknown terms type \"Terms of Servise\" (did you mean \"Terms of Service\"?)"),
                Arguments.of("BadSelector.json",
                        "{ \"name\": \"BadSelector\", \"terms\": { \"Terms of Service\": { \"fetch\": \"%s/ok/selector\", \"select\": [\"main\", \"div[[\"] } } }",
                        "skipped: {file}: /terms/Terms of Service/select/1: invalid CSS selector \"div[[\": "),
                Arguments.of("NotHttp.json",
                        "{ \"name\": \"NotHttp\", \"terms\": { \"Terms of Service\": { \"fetch\": \"ftp://example.com/terms\", \"select\": [\"body\"] } } }",
                        "skipped: {file}: /terms/Terms of Service/fetch: fetch must be an http(s) URL, got \"ftp://example.com/terms\""),
                Arguments.of("Duplicate.json",
                        "{ \"name\": \"Duplicate\", \"terms\": { \"Terms of Service\": { \"combine\": ["
                                + " { \"fetch\": \"%1$s/ok/twice\", \"select\": [\"body\"] }, { \"fetch\": \"%1$s/ok/twice\", \"select\": [\"body\"] } ] } } }",
                        "skipped: {file}: /terms/Terms of Service/combine/1/fetch: source document {base}/ok/twice has the same id"),
                Arguments.of("NoSuchFilter.json",
                        "{ \"name\": \"NoSuchFilter\", \"terms\": { \"Terms of Service\": { \"fetch\": \"%s/ok/filter\", \"select\": [\"body\"], \"filter\": [\"noSuchFilter\"] } } }",
                        "skipped: {file}: /terms/Terms of Service/filter/0: unknown filter \"noSuchFilter\""),
                Arguments.of("Escaping.json",
                        "{ \"name\": \"Escaping\", \"terms\": { \"../../Terms of Service\": { \"fetch\": \"%s/ok/escaping\", \"select\": [\"body\"] } } }",
                        "skipped: {file}: /terms/..~1..~1Terms of Service: terms type \"../../Terms of Service\" contains '..':"
                                + " it would escape the storage layout"),
                Arguments.of("Throwing.filters.js",
                        "export function explode(document) { throw new Error('boom in explode'); }\n",
                        "  failed: Throwing / Terms of Service (declaration): {file}: The filter function \"explode\" failed:"
                                + " Error: boom in explode (filters of {base}/ok/throwing)"));
    }

    @BeforeAll
    static void trackTheFolder() throws Exception {
        server = FaultServer.start();
        declarations = Files.createDirectories(work.resolve("declarations"));
        Files.writeString(declarations.resolve("Good.json"), """
                { "name": "Good", "terms": { "Terms of Service": { "fetch": "%s/ok/good", "select": ["body"] } } }
                """.formatted(base()));
        Files.writeString(declarations.resolve("Throwing.json"), """
                { "name": "Throwing", "terms": { "Terms of Service": { "fetch": "%s/ok/throwing", "select": ["body"], "filter": ["explode"] } } }
                """.formatted(base()));
        for (Arguments bad : badDeclarations().toList()) {
            Files.writeString(declarations.resolve((String) bad.get()[0]), ((String) bad.get()[1]).formatted(base()));
        }
        run = CliRun.run("track", "--declarations", declarations.toString(),
                "--store", "file:" + work.resolve("store"), "--allow-private-network", "--no-screenshots", "--host-delay", "0");
        System.out.println(run.output());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDeclarations")
    void eachBadDeclarationGetsOneLineNamingItsFileAndWhatIsWrong(String file, String content, String expected) {
        String line = expected.replace("{file}", declarations.resolve(file).toString()).replace("{base}", base());
        assertTrue(run.output().lines().anyMatch(l -> l.startsWith(line)), "expected a line starting with\n" + line
                + "\nin\n" + run.output());
    }

    @Test
    void theGoodDeclarationIsStillTrackedAndTheRunExitsTwo() {
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("] Good / Terms of Service: first record in "), run.output());
        assertTrue(run.output().contains("2 terms in "), run.output());
        assertTrue(run.output().contains(": 1 first records, 0 changed, 0 unchanged, 1 failed (1 declaration), 7 declaration problems"),
                run.output());
    }

    @Test
    void nothingIsFetchedForADeclarationThatCannotBeRead() {
        for (String path : List.of("/ok/malformed", "/ok/type", "/ok/selector", "/ok/twice", "/ok/filter", "/ok/escaping")) {
            assertEquals(0, server.requestCount(path), path);
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }
}
