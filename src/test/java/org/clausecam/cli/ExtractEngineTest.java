package org.clausecam.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code extract} on a collection with its own terms types and a filter whose output depends on
 * the JavaScript runtime Open Terms Archive ran ({@code new URLSearchParams(null)}): the
 * collection's list applies, and {@code --engine} chooses the runtime as the parity check does.
 */
class ExtractEngineTest {

    @TempDir
    static Path work;
    static Path declarations;
    static Path snapshots;

    @BeforeAll
    static void aCollectionWithAFilterAndItsOwnTypes() throws Exception {
        Path collection = Files.createDirectories(work.resolve("collection"));
        declarations = Files.createDirectories(collection.resolve("declarations"));
        Files.createDirectories(collection.resolve("terms-types"));
        Files.writeString(collection.resolve("terms-types/termsTypes.json"), "{ \"Reports List\": { \"topic\": \"reports\" } }");
        Files.writeString(declarations.resolve("Platform.json"), """
                { "name": "Platform", "terms": { "Reports List": { "fetch": "https://platform.example/reports [all]",
                  "select": "main", "filter": ["params"] } } }
                """);
        Files.writeString(declarations.resolve("Platform.filters.js"), """
                export function params(document) {
                  document.querySelector('main').textContent = 'q=' + new URLSearchParams(null).toString();
                }
                """);
        snapshots = Files.createDirectories(work.resolve("snapshots/Platform"));
        Files.writeString(snapshots.resolve("Reports List.html"), "<html><body><main>x</main></body></html>");
    }

    CliRun extract(Path out, String... more) {
        String[] base = {"extract", "--declarations", declarations.toString(), "--snapshots", snapshots.getParent().toString(),
                "--out", out.toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.run(args);
    }

    @Test
    void todaysEngineIsTheDefaultAndFiltersSeeNullAsABrowserDoes() throws Exception {
        CliRun run = extract(work.resolve("today"));

        assertEquals(0, run.exit(), run.output());
        assertEquals("q=null=", Files.readString(work.resolve("today/Platform/Reports List.md")));
    }

    @Test
    void versionsOfEnginesBefore14AreReproducedWithNode22sUrlSearchParams() throws Exception {
        CliRun before = extract(work.resolve("v11"), "--engine", "11.0.2");
        CliRun from14 = extract(work.resolve("v14"), "--engine", "14.0.0");

        assertEquals(0, before.exit(), before.output());
        assertEquals("q=", Files.readString(work.resolve("v11/Platform/Reports List.md")));
        assertEquals("q=null=", Files.readString(work.resolve("v14/Platform/Reports List.md")));
    }

    @Test
    void anEngineThatIsNoVersionIsBadUsage() {
        CliRun run = extract(work.resolve("bad"), "--engine", "latest");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("--engine: not an engine version (MAJOR.MINOR.PATCH): 'latest'"), run.output());
    }
}
