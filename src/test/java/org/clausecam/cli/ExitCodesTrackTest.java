package org.clausecam.cli;

import org.clausecam.fetch.FaultServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exit code of real {@code track} runs, for a scheduler to act on: 0 everything captured,
 * 1 page failures, 2 bad usage or declarations, 3 the store unavailable, the highest winning
 * (4, interrupted, is {@code org.clausecam.durability.TrackInterruptTest}: it takes a signal).
 */
class ExitCodesTrackTest {

    private static FaultServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void serve() throws Exception {
        server = FaultServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * What a run is given: one declaration per page path on the server, maybe a declaration that
     * cannot be read, maybe a store that cannot be written, and extra options.
     */
    record Case(List<String> pages, boolean brokenDeclaration, boolean unwritableStore, List<String> options) {
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("every terms captured", 0, new Case(List.of("/ok/terms"), false, false, List.of())),
                Arguments.of("a page answering 404", 1, new Case(List.of("/ok/terms", "/status/404/terms"), false, false, List.of())),
                Arguments.of("a declaration that cannot be read, the other tracked", 2,
                        new Case(List.of("/ok/terms"), true, false, List.of())),
                Arguments.of("a declaration problem outranks a 404", 2,
                        new Case(List.of("/status/404/terms"), true, false, List.of())),
                Arguments.of("bad usage", 2, new Case(List.of("/ok/terms"), false, false, List.of("--concurrency", "0"))),
                Arguments.of("a store that cannot be written", 3, new Case(List.of("/ok/terms"), false, true, List.of())),
                Arguments.of("the store down outranks a declaration problem and a 404", 3,
                        new Case(List.of("/ok/terms", "/status/404/terms"), true, true, List.of())));
    }

    @ParameterizedTest(name = "{0}: exit {1}")
    @MethodSource("runs")
    void theExitCodeSaysWhatWentWrong(String name, int expected, Case c) throws Exception {
        Path declarations = Files.createDirectories(work.resolve("declarations"));
        for (int i = 0; i < c.pages().size(); i++) {
            Files.writeString(declarations.resolve("Service" + i + ".json"), """
                    { "name": "Service%d", "terms": { "Terms of Service": { "fetch": "%s", "select": ["body"], "executeClientScripts": false } } }
                    """.formatted(i, server.url(c.pages().get(i))));
        }
        if (c.brokenDeclaration()) Files.writeString(declarations.resolve("Broken.json"), "{ \"name\": ");
        Path store = work.resolve("store");
        if (c.unwritableStore()) {
            // A file where the store's folder should be: every write fails with an I/O error.
            Files.writeString(work.resolve("not-a-folder"), "");
            store = work.resolve("not-a-folder").resolve("store");
        }
        List<String> args = new ArrayList<>(List.of("track", "--declarations", declarations.toString(), "--store", "file:" + store,
                "--allow-private-network", "--no-screenshots", "--max-attempts", "1", "--host-delay", "0"));
        args.addAll(c.options());

        CliRun run = CliRun.run(args.toArray(String[]::new));

        assertEquals(expected, run.exit(), name + ":\n" + run.output());
    }
}
