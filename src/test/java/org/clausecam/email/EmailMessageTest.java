package org.clausecam.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class EmailMessageTest {

    @TempDir
    Path dir;

    @Test
    void aSimpleHtmlMailGivesItsHeadersAndHtml() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("simple-html.eml"));

        assertEquals(List.of(new EmailAddress("Example AI", "no-reply@mail.example-ai.test")), mail.from());
        assertEquals(List.of(new EmailAddress("Jane Doe", "jane@example.org")), mail.to());
        assertEquals(List.of(), mail.cc());
        assertEquals(Optional.of(Instant.parse("2025-08-26T16:04:05Z")), mail.date());
        assertEquals("Updates to our Consumer Terms and Privacy Policy — Example AI", mail.subject());
        assertEquals(Optional.of("20250826160405.4f2a@mail.example-ai.test"), mail.messageId());
        assertTrue(mail.html().orElseThrow().contains("<h1>We are updating our terms</h1>"));
        assertEquals(Optional.empty(), mail.text());
        assertEquals(List.of(), mail.attachments());
        assertEquals(mail.html().orElseThrow(), mail.bodyHtml());
    }

    @Test
    void theRenderablePageStartsWithAnEscapedHeaderBlockAndLoadsNothingRemote() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("simple-html.eml"));

        String page = mail.renderableHtml();
        Document document = Jsoup.parse(page);

        var block = document.body().child(0);
        assertEquals("clausecam-email-headers", block.id());
        assertEquals(List.of("From", "To", "Date", "Subject"), block.select("th").eachText());
        assertEquals(List.of("Example AI <no-reply@mail.example-ai.test>", "Jane Doe <jane@example.org>",
                "Tue, 26 Aug 2025 16:04:05 +0000",
                "Updates to our Consumer Terms and Privacy Policy — Example AI"), block.select("td").eachText());
        assertTrue(page.contains("Example AI &lt;no-reply@mail.example-ai.test&gt;"), "angle brackets escaped");
        assertEquals("default-src 'none'; img-src data: http://cid.invalid; style-src 'unsafe-inline' data: "
                        + "http://cid.invalid; font-src data: http://cid.invalid; media-src data: http://cid.invalid",
                document.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"));
        assertEquals(1, document.select("meta[charset]").size());
        assertEquals("We are updating our terms", document.selectFirst("h1").text());
    }

    @Test
    void multipartAlternativePrefersTheHtmlAndKeepsTheText() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("alternative.eml"));

        assertEquals("Nuestra política de privacidad cambia ✓", mail.subject());
        assertEquals(List.of(new EmailAddress("", "ana@example.org"), new EmailAddress("Luis Pérez", "luis@example.org")),
                mail.to());
        assertEquals(List.of(new EmailAddress("Equipo jurídico", "legal@example.org")), mail.cc());
        assertEquals(Optional.of(Instant.parse("2025-09-15T07:30:00Z")), mail.date());
        assertTrue(mail.html().orElseThrow().contains("<h1>Nuestra política de privacidad cambia</h1>"));
        assertTrue(mail.text().orElseThrow().contains("Lee la nueva versión: https://shop.example.test/privacy"));
        assertEquals(List.of(), mail.attachments(), "the text alternative is not an attachment");
        assertTrue(Jsoup.parse(mail.renderableHtml()).select("#clausecam-email-headers th").eachText().contains("Cc"));
    }

    @Test
    void multipartRelatedImagesAreInlinedAsDataUrlsAndAttachmentsListed() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("related-cid.eml"));
        byte[] logo = Files.readAllBytes(fixture("logo.png"));

        assertEquals(List.of("logo@example.test", "hero-bg@example.test"), List.copyOf(mail.inlineParts().keySet()));
        InlinePart part = mail.inlineParts().get("logo@example.test");
        assertEquals("image/png", part.mimeType());
        assertArrayEquals(logo, part.bytes());
        assertEquals(List.of(new EmailAttachment("summary-of-changes.pdf", "application/pdf", 310)), mail.attachments());

        String page = mail.renderableHtml();
        Document document = Jsoup.parse(page);
        assertEquals("data:image/png;base64," + Base64.getEncoder().encodeToString(logo),
                document.selectFirst("img[alt=Example logo]").attr("src"));
        assertFalse(page.contains("cid:"), "CSS url(cid:...) resolved too");
        assertTrue(document.selectFirst("#clausecam-email-headers").text()
                .contains("summary-of-changes.pdf (application/pdf, 310 bytes)"));
    }

    @Test
    void inlinePartsCanBeServedFromRoutedUrlsInstead() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("related-cid.eml"));

        String page = mail.renderableHtmlWithRoutedParts();

        String src = Jsoup.parse(page).selectFirst("img[alt=Example logo]").attr("src");
        assertEquals("http://cid.invalid/logo%40example.test", src);
        assertEquals(EmailMessage.routedUrl("logo@example.test"), src);
        assertEquals(mail.inlineParts().get("logo@example.test"), mail.inlinePartAt(src).orElseThrow());
        assertTrue(page.contains("url(http://cid.invalid/hero-bg%40example.test)"));
        assertEquals(Optional.empty(), mail.inlinePartAt("http://cid.invalid/unknown%40example.test"));
    }

    @Test
    void theHeadersSerialiseToJsonWithJackson() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("related-cid.eml"));

        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(mail.headers());

        assertEquals("{\"source\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(mail.source())
                + ",\"from\":[{\"name\":\"Example Cloud\",\"address\":\"legal@cloud.example.test\"}]"
                + ",\"to\":[{\"name\":\"\",\"address\":\"admin@example.org\"}],\"cc\":[]"
                + ",\"date\":\"2025-10-01T16:00:00Z\",\"dateHeader\":\"Wed, 01 Oct 2025 12:00:00 -0400\""
                + ",\"subject\":\"Terms of Service update\",\"messageId\":\"tos-2025-10@cloud.example.test\""
                + ",\"body\":\"html\",\"attachments\":[{\"fileName\":\"summary-of-changes.pdf\""
                + ",\"mimeType\":\"application/pdf\",\"size\":310}]"
                + ",\"inlineParts\":[\"logo@example.test\",\"hero-bg@example.test\"]}", json);
    }

    @Test
    void quotedPrintableLatin1IsDecodedWithAccents() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("quoted-printable-latin1.eml"));

        assertEquals("Mise à jour de notre politique de confidentialité", mail.subject());
        assertEquals(List.of(new EmailAddress("Service Crédit Français", "contact@credit.example.test")), mail.from());
        String html = mail.html().orElseThrow();
        assertTrue(html.contains("<p>Chère cliente, cher client,</p>"), html);
        assertTrue(html.contains("vos données sont traitées : « cookies »"), "soft line breaks joined: " + html);
        assertTrue(mail.renderableHtml().contains("À compter du 1<sup>er</sup> novembre"));
    }

    @Test
    void encodedWordsLabelledLatin1AreReadAsWindows1252LikeTheBody() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("encoded-words-latin1-label-windows-1252-bytes.eml"));

        assertEquals("\u00c4nderung unserer AGB \u2013 Geb\u00fchren ab 4,50 \u20ac", mail.subject());
        assertEquals("\u201cExample Bank\u201d Kundenservice", mail.from().get(0).name());
        assertEquals("AGB \u2013 Fassung 2026.pdf", mail.attachments().get(0).fileName());
        assertEquals("Unsere AGB \u00e4ndern sich \u2013 Details im Anhang.", mail.text().orElseThrow().strip());
    }

    @Test
    void aTextOnlyMailIsShownAsEscapedWrappedPreformattedText() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("text-only.eml"));

        assertEquals(Optional.empty(), mail.html());
        String text = mail.text().orElseThrow();
        assertTrue(text.contains("“Your plan” now costs €9.99 per month. Our <Terms> & Conditions changed"), text);

        Document document = Jsoup.parse(mail.renderableHtml());
        var pre = document.body().selectFirst("pre");
        assertTrue(pre.attr("style").contains("white-space:pre-wrap"), "long lines wrap");
        assertEquals(text, pre.wholeText());
        assertTrue(document.body().select("a").isEmpty(), "links stay text");
        assertEquals("Your terms have changed", document.title());
        assertTrue(mail.bodyHtml().contains("Our &lt;Terms&gt; &amp; Conditions"));
    }

    @Test
    void anMboxFromLineBeforeTheHeadersIsSkipped() throws Exception {
        byte[] mail = Files.readAllBytes(fixture("simple-html.eml"));
        byte[] mbox = ("From no-reply@mail.example-ai.test Tue Aug 26 16:04:05 2025\r\n").getBytes();
        Path file = dir.resolve("exported.eml");
        Files.write(file, mbox);
        Files.write(file, mail, java.nio.file.StandardOpenOption.APPEND);

        EmailMessage parsed = EmailMessage.parse(file);

        assertEquals(List.of(new EmailAddress("Example AI", "no-reply@mail.example-ai.test")), parsed.from());
        assertEquals(EmailMessage.parse(fixture("simple-html.eml")).html(), parsed.html());
    }

    @Test
    void eightBitTextWithoutACharsetIsReadAsUtf8WhenItIsUtf8() throws Exception {
        String mail = "From: a@example.org\r\nSubject: no charset\r\nContent-Type: text/plain\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nDatenschutzerklärung geändert\r\n";

        EmailMessage parsed = EmailMessage.parse(new java.io.ByteArrayInputStream(
                mail.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "no-charset.eml");

        assertEquals("Datenschutzerklärung geändert\n", parsed.text().orElseThrow());
    }

    @Test
    void aTruncatedMultipartIsRefusedNamingTheFile() {
        Path broken = fixture("broken.eml");

        EmailFormatException e = assertThrows(EmailFormatException.class, () -> EmailMessage.parse(broken));

        assertEquals(broken.toString(), e.source());
        assertTrue(e.getMessage().startsWith(broken + ": truncated"), e.getMessage());
    }

    @Test
    void anEmptyFileIsNotAnEmail() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.eml"));

        EmailFormatException e = assertThrows(EmailFormatException.class, () -> EmailMessage.parse(empty));

        assertEquals(empty + ": empty file, not an e-mail", e.getMessage());
    }

    @Test
    void randomBinaryIsNotAnEmail() throws Exception {
        byte[] noise = new byte[4096];
        new Random(5).nextBytes(noise);
        Path binary = Files.write(dir.resolve("photo.eml"), noise);

        EmailFormatException e = assertThrows(EmailFormatException.class, () -> EmailMessage.parse(binary));

        assertTrue(e.getMessage().startsWith(binary + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("not an e-mail"), e.getMessage());
    }

    @Test
    void anOutlookMsgFileIsNamedAsSuchWithTheWayToAnEml() throws Exception {
        byte[] compound = new byte[1024];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0, compound, 0, 8);
        Path msg = Files.write(dir.resolve("Terms update.msg"), compound);

        EmailFormatException e = assertThrows(EmailFormatException.class, () -> EmailMessage.parse(msg));

        assertEquals(msg + ": an Outlook .msg file, not an e-mail (.eml) file; "
                + "Outlook on the web and the new Outlook save a message as .eml (Download)", e.getMessage());
    }

    @Test
    void anHtmlPageIsNotAnEmail() throws Exception {
        Path page = Files.writeString(dir.resolve("policy.html"),
                "<!DOCTYPE html>\n<html><body><p>Note: this is a web page</p></body></html>\n");

        EmailFormatException e = assertThrows(EmailFormatException.class, () -> EmailMessage.parse(page));

        assertEquals(page + ": does not start with e-mail header fields (found \"<!DOCTYPE html>\"); "
                + "not an e-mail (.eml) file", e.getMessage());
    }

    @Test
    void textThatLooksLikeAHeaderButHasNoMailHeadersIsNotAnEmail() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Note: call the lawyer\nTodo: read the terms\n");

        EmailFormatException e = assertThrows(EmailFormatException.class, () -> EmailMessage.parse(notes));

        assertTrue(e.getMessage().contains("none of the headers of an e-mail"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.eml");

        EmailFormatException e = assertThrows(EmailFormatException.class, () -> EmailMessage.parse(missing));

        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void aDirectoryIsNotAnEmailAndIsNamed() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("Inbox.eml"));

        EmailFormatException e = assertThrows(EmailFormatException.class, () -> EmailMessage.parse(folder));

        assertEquals(folder + ": is a directory, not an e-mail (.eml) file", e.getMessage());
    }

    @Test
    void streamsParseLikeFilesAndAreNamedAsGiven() throws Exception {
        try (InputStream in = Files.newInputStream(fixture("alternative.eml"))) {
            EmailMessage mail = EmailMessage.parse(in, "upload #3");

            assertEquals("upload #3", mail.source());
            assertEquals("Nuestra política de privacidad cambia ✓", mail.subject());
        }
        try (InputStream in = Files.newInputStream(fixture("broken.eml"))) {
            EmailFormatException e = assertThrows(EmailFormatException.class, () -> EmailMessage.parse(in, "upload #4"));
            assertEquals("upload #4", e.source());
        }
    }

    private static Path fixture(String name) {
        return Path.of(System.getProperty("clausecam.projectDir", "."), "src/test/resources/email", name);
    }
}
