package org.clausecam.cli;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.FileStore;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
class ReportCommandTest {

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int report(String... args) {
        CommandLine cli = new CommandLine(new ReportCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesTheReportAndSaysWhereItIs() throws Exception {
        try (FileStore store = new FileStore(dir.resolve("data"))) {
            String version = store.putBlob("Terms\n".getBytes(StandardCharsets.UTF_8));
            store.append(new CaptureRecord("Claude.ai", "Terms of Service", Instant.parse("2026-08-01T06:00:00Z"),
                    CaptureRecord.KIND_CAPTURE, List.of(), version, true, null, null, "test"));
        }

        int exit = report("--store", "file:" + dir.resolve("data"), "--out", dir.resolve("site").toString());

        assertEquals(0, exit, err.toString());
        assertEquals("report of 1 terms, 1 record, 0 changes, 0 e-mails: " + dir.resolve("site/index.html").toUri(), out.toString().strip());
        assertTrue(Files.readString(dir.resolve("site/index.html")).contains("Claude.ai"));
        assertEquals(new TermsKey("Claude.ai", "Terms of Service"),
                new FileStore(dir.resolve("data")).terms().get(0));
    }

    @Test
    void aSecondRunSaysItWroteNothingAndPngEvidenceCopiesTheScreenshotOnce() throws Exception {
        byte[] png;
        try (var bytes = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(20, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", bytes);
            png = bytes.toByteArray();
        }
        String screenshot;
        try (FileStore store = new FileStore(dir.resolve("data"))) {
            String version = store.putBlob("Terms\n".getBytes(StandardCharsets.UTF_8));
            String snapshot = store.putBlob("<p>Terms</p>".getBytes(StandardCharsets.UTF_8));
            screenshot = store.putBlob(png);
            store.append(new CaptureRecord("Claude.ai", "Terms of Service", Instant.parse("2026-08-01T06:00:00Z"),
                    CaptureRecord.KIND_CAPTURE, List.of(new org.clausecam.store.DocumentCapture(null, "https://a.example/",
                    "https://a.example/", "http", 200, "HTTP/1.1 200 OK", java.util.Map.of(), "text/html", snapshot, screenshot, 30)),
                    version, true, null, null, "test"));
        }
        String[] args = {"--store", "file:" + dir.resolve("data"), "--out", dir.resolve("site").toString(), "--png-evidence"};

        assertEquals(0, report(args), err.toString());
        assertArrayEquals(png, Files.readAllBytes(dir.resolve("site/evidence/" + screenshot + ".png")));
        err.getBuffer().setLength(0);
        assertEquals(0, report(args), err.toString());

        assertTrue(err.toString().startsWith("files written: 0; pages unchanged: 1; evidence copied: 0; previews made: 0;"), err.toString());
    }

    @Test
    void helpExplainsThePagesAndTheOptions() {
        assertEquals(0, report("--help"));
        String help = out.toString();
        for (String part : List.of("record-ID.html", "change-ID.html", "--png-evidence", "Example:", "search")) {
            assertTrue(help.contains(part), part + " in\n" + help);
        }
    }

    @Test
    void anUnknownStoreSchemeIsBadUsage() {
        assertEquals(2, report("--store", "ftp://x", "--out", dir.resolve("site").toString()));
        assertTrue(err.toString().startsWith("clausecam: cannot open the store: unsupported store URI \"ftp://x\""), err.toString());
    }

    @Test
    void anOutputThatIsAFileIsBadUsage() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("changes.xml"), "<feed/>");
        assertEquals(2, report("--store", "file:" + dir, "--out", file.toString()));
        assertTrue(err.toString().contains("--out " + file + " is a file; the report needs a folder"), err.toString());
    }

    @Test
    void theOutputFolderIsRequired() {
        assertEquals(2, report("--store", "file:" + dir));
        assertTrue(err.toString().contains("Missing required option: '--out=DIR'"), err.toString());
    }
}
