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

    int validate(String... args) {
        CommandLine cli = new CommandLine(new ValidateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
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
}
