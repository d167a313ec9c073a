package org.clausecam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.Sha256;
import org.clausecam.store.Store;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code capture-email}: a notification e-mail rendered as evidence, in a real Chromium. */
class CaptureEmailCommandTest {

    @TempDir
    Path work;

    @Test
    void rendersAnEmailWithInlineImagesToScreenshotTextAndHeaders() throws Exception {
        Path out = work.resolve("evidence");
        CliRun run = CliRun.run("capture-email", fixture("related-cid.eml").toString(), "--out", out.toString());

        assertEquals(0, run.exit(), run.output());
        BufferedImage shot = ImageIO.read(out.resolve("screenshot.png").toFile());
        assertEquals(800, shot.getWidth());
        String text = Files.readString(out.resolve("email.md"));
        assertTrue(text.contains("Terms of Service update"), text);
        assertTrue(text.contains("The summary of changes is attached."), text);
        JsonNode headers = new ObjectMapper().readTree(out.resolve("email.json").toFile());
        assertEquals("Terms of Service update", headers.get("subject").asText());
        assertEquals("2025-10-01T16:00:00Z", headers.get("date").asText());
    }

    @Test
    void aNoticeForwardedAsAnAttachmentIsInThePictureTheTextAndTheHeaders() throws Exception {
        Path out = work.resolve("evidence");
        CliRun run = CliRun.run("capture-email", fixture("forwarded-rfc822.eml").toString(), "--out", out.toString());

        assertEquals(0, run.exit(), run.output());
        String text = Files.readString(out.resolve("email.md"));
        assertTrue(text.contains("For the file: the notice we received yesterday.\n\n---\n\nAttached message:\n\n"
                + "From: Example Models <noreply@example-models.test>  \n"), text);
        assertTrue(text.contains("Subject: Updates to our Usage Policies\n\n"), text);
        assertTrue(text.contains("We have updated our Usage Policies."), text);
        JsonNode headers = new ObjectMapper().readTree(out.resolve("email.json").toFile());
        assertEquals("Fwd: Updates to our Usage Policies", headers.get("subject").asText());
        assertEquals("Updates to our Usage Policies", headers.get("attachedMessages").get(0).get("subject").asText());
        assertEquals("2025-12-16T18:30:00Z", headers.get("attachedMessages").get(0).get("date").asText());
        BufferedImage shot = ImageIO.read(out.resolve("screenshot.png").toFile());
        assertTrue(shot.getHeight() > 240, "the note, then the notice with its header block: " + shot.getHeight());
    }

    @Test
    void theTextKeepsThePreheaderButNotTheInvisibleFillerAfterIt() throws Exception {
        Path out = work.resolve("evidence");
        CliRun run = CliRun.run("capture-email", fixture("preheader-filler.eml").toString(), "--out", out.toString());

        assertEquals(0, run.exit(), run.output());
        String text = Files.readString(out.resolve("email.md"));
        assertTrue(text.contains("\n\nOur new terms take effect on 1 March 2026.\n\n"), text);
        assertTrue(text.matches("(?s)[^\u034F\u200C\uFEFF\u2007]*\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645[^\u034F\u200C\uFEFF\u2007]*"),
                "no filler character is left, and a word's own zero-width non-joiner stays: " + text);
    }

    @Test
    void recordsTheEmailAsEvidenceOfATermsDatedByItsDateHeader() throws Exception {
        String store = "file:" + work.resolve("store");
        CliRun run = CliRun.run("capture-email", fixture("related-cid.eml").toString(),
                "--service", "Example", "--type", "Terms of Service", "--store", store);
        assertEquals(0, run.exit(), run.output());

        try (Store s = Stores.open(store)) {
            StoredRecord latest = s.latest(new TermsKey("Example", "Terms of Service")).orElseThrow();
            assertEquals(CaptureRecord.KIND_EMAIL, latest.record().kind());
            assertEquals(Instant.parse("2025-10-01T16:00:00Z"), latest.record().fetchDate());
            assertTrue(s.hasBlob(latest.record().documents().get(0).screenshot()));
        }
        CliRun history = CliRun.run("history", "Example", "Terms of Service", "--store", store);
        assertTrue(history.output().startsWith("2025-10-01T16:00:00Z  e-mail   evidence"), history.output());
    }

    @Test
    void keepsTheOriginalMessageByteForByteUnderTheHashTheStoreNamesItBy() throws Exception {
        Path eml = fixture("alternative-text-related-html-image.eml");
        Path out = work.resolve("evidence");
        String store = "file:" + work.resolve("store");
        CliRun run = CliRun.run("capture-email", eml.toString(), "--out", out.toString(),
                "--service", "Example", "--type", "Terms of Service", "--store", store);
        assertEquals(0, run.exit(), run.output());

        byte[] original = Files.readAllBytes(eml);
        assertArrayEquals(original, Files.readAllBytes(out.resolve("message.eml")), "CRLF line ends and all");
        JsonNode message = new ObjectMapper().readTree(out.resolve("email.json").toFile()).get("message");
        assertEquals("message.eml", message.get("file").asText());
        assertEquals(Sha256.hex(original), message.get("sha256").asText());
        assertEquals(original.length, message.get("size").asLong());
        try (Store s = Stores.open(store)) {
            StoredRecord recorded = s.latest(new TermsKey("Example", "Terms of Service")).orElseThrow();
            assertEquals(Sha256.hex(original), recorded.record().documents().get(0).snapshot(),
                    "the --out copy and the recorded message are the same bytes");
        }
        assertTrue(run.output().contains("1 inline parts, 0 attachments"), run.output());
    }

    @Test
    void aFileThatIsNotAnEmailIsBadInputNamingTheFile() throws Exception {
        Path notMail = Files.writeString(work.resolve("page.eml"), "<html><body>not a mail</body></html>");
        CliRun run = CliRun.run("capture-email", notMail.toString(), "--out", work.resolve("x").toString());

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("page.eml"), run.output());
    }

    @Test
    void aDirectoryIsBadInputNamingIt() throws Exception {
        Path folder = Files.createDirectory(work.resolve("Saved mail.eml"));
        CliRun run = CliRun.run("capture-email", folder.toString(), "--out", work.resolve("x").toString());

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains(folder + ": is a directory"), run.output());
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CaptureEmailCommandTest.class.getResource("/email/" + name).toURI());
    }
}
