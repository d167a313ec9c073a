package org.clausecam.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The round trip of {@code export ota}: a local collection tracked twice with a change between the
 * runs, exported twice, checked with git itself.
 */
class ExportOtaCommandTest {

    @TempDir
    Path work;

    private FixtureSite site;

    @BeforeEach
    void start() {
        site = new FixtureSite();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static String page(String text) {
        return "<html><body><main><h1>Privacy</h1><p>" + text + " " + "This policy covers every use of the service. ".repeat(8)
                + "</p></main></body></html>";
    }

    private CliRun track(Path declarations) {
        return CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + work.resolve("store"),
                "--allow-private-network", "--no-screenshots", "--max-attempts", "1", "--host-delay", "0");
    }

    private CliRun export() {
        return CliRun.run("export", "ota", "--store", "file:" + work.resolve("store"), "--out", work.resolve("ota").toString());
    }

    private static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "core.quotePath=false", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.strip();
    }

    @Test
    void aTrackedChangeBecomesOneMoreCommitAndExportingAgainAddsNothing() throws Exception {
        Path declarations = Files.createDirectories(work.resolve("declarations"));
        Files.writeString(declarations.resolve("Example.json"), """
                { "name": "Example", "terms": { "Privacy Policy": { "fetch": "%s", "select": ["main"], "executeClientScripts": false } } }
                """.formatted(site.url("/privacy")));
        site.html("/privacy", page("We keep your data."));
        assertEquals(0, track(declarations).exit());
        CliRun first = export();
        assertEquals(0, first.exit(), first.output());

        site.html("/privacy", page("We sell your data."));
        assertEquals(0, track(declarations).exit());
        assertEquals(0, export().exit());
        CliRun again = export();

        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("0 snapshot commits, 0 version commits"), again.output());
        Path versions = work.resolve("ota/versions");
        assertEquals("Record new changes of Example Privacy Policy\nFirst record of Example Privacy Policy",
                git(versions, "log", "--format=%s"));
        assertEquals("Example/Privacy Policy.md", git(versions, "ls-files"));
        assertEquals("Example/Privacy Policy.html", git(work.resolve("ota/snapshots"), "ls-files"));
        assertTrue(Files.readString(versions.resolve("Example/Privacy Policy.md")).contains("We sell your data."));
        assertEquals(git(versions, "log", "--format=%at"), git(versions, "log", "--format=%ct"), "author date = committer date = fetch date");
    }

    @Test
    void exportWithoutAFormatSaysWhichFormatsThereAre() {
        CliRun run = CliRun.run("export");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("export ota"), run.output());
    }

    @Test
    void anAuthorThatIsNotNameAndEmailIsBadUsage() throws Exception {
        Files.createDirectories(work.resolve("store"));
        Files.writeString(work.resolve("store/clausecam-store.json"), "{\"format\":\"clausecam-store/1\"}");

        CliRun run = CliRun.run("export", "ota", "--store", "file:" + work.resolve("store"), "--out", work.resolve("ota").toString(),
                "--author", "just a name");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("Name <email>"), run.output());
    }
}
