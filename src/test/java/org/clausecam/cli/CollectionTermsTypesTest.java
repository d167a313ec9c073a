package org.clausecam.cli;

import org.clausecam.fetch.FaultServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A collection with its own terms types (as Open Terms Archive's dsa-reports has), through the
 * real {@code validate} and {@code track} commands: its list beside the declarations folder, or
 * named by {@code --terms-types}, makes its types valid; without it they are refused.
 */
class CollectionTermsTypesTest {

    @TempDir
    static Path work;
    static FaultServer server;
    static Path collection;
    static Path declarations;
    static Path list;

    @BeforeAll
    static void aCollectionWithItsOwnTypes() throws Exception {
        server = FaultServer.start();
        collection = Files.createDirectories(work.resolve("dsa-reports"));
        declarations = Files.createDirectories(collection.resolve("declarations"));
        Files.writeString(declarations.resolve("Platform.json"), """
                { "name": "Platform", "terms": { "Reports List": { "fetch": "http://127.0.0.1:%d/ok/reports", "select": ["body"] } } }
                """.formatted(server.port()));
        list = Files.writeString(work.resolve("termsTypes.json"), """
                { "Reports List": { "topic": "all available reports", "obligee": "VLOPSE" } }
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void validateRefusesTheCollectionsTypesWithoutItsList() {
        CliRun run = CliRun.run("validate", "--schema-only", "--declarations", declarations.toString());

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains(declarations.resolve("Platform.json") + ": /terms/Reports List: unknown terms type \"Reports List\""),
                run.output());
    }

    @Test
    void validateAcceptsThemFromTheListNamedByTermsTypes() {
        CliRun run = CliRun.run("validate", "--schema-only", "--declarations", declarations.toString(), "--terms-types", list.toString());

        assertEquals(0, run.exit(), run.output());
    }

    @Test
    void validateAndTrackFindTheListBesideTheDeclarationsFolder() throws Exception {
        Path own = collection.resolve("terms-types/termsTypes.json");
        Files.createDirectories(own.getParent());
        Files.copy(list, own);
        try {
            CliRun validate = CliRun.run("validate", "--declarations", declarations.toString(), "--allow-private-network");
            CliRun track = CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + work.resolve("store"),
                    "--allow-private-network", "--no-screenshots", "--host-delay", "0");

            assertEquals(0, validate.exit(), validate.output());
            assertEquals(0, track.exit(), track.output());
            assertTrue(track.output().contains("] Platform / Reports List: first record in "), track.output());
        } finally {
            Files.delete(own);
        }
    }

    @Test
    void trackSkipsTheCollectionsTermsWithoutItsList() {
        CliRun run = CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + work.resolve("refused"),
                "--allow-private-network", "--no-screenshots", "--host-delay", "0");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("unknown terms type \"Reports List\""), run.output());
    }

    @Test
    void aTermsTypesFileThatCannotBeReadIsBadUsage() {
        CliRun run = CliRun.run("validate", "--schema-only", "--declarations", declarations.toString(), "--terms-types",
                work.resolve("missing.json").toString());

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("terms types list " + work.resolve("missing.json") + ": no such file"), run.output());
    }
}
