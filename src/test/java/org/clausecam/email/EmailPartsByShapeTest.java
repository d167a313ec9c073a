package org.clausecam.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The MIME shapes notification e-mails come in: whatever the nesting, the body and its
 * alternatives are body, {@code cid:} images are inline parts, and only files are attachments.
 */
@Tag("unit")
class EmailPartsByShapeTest {

    @Test
    void alternativeOfTextAndRelatedHtmlWithImageHasNoAttachment() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("alternative-text-related-html-image.eml"));

        assertTrue(mail.html().orElseThrow().contains("<h1>Updates to our Consumer Terms and Privacy Policy</h1>"));
        assertTrue(mail.text().orElseThrow().contains("The changes take effect on September 28, 2025."));
        assertEquals(Set.of("logo-7f3a@em.example-ai.test"), mail.inlineParts().keySet());
        assertArrayEquals(Files.readAllBytes(fixture("logo.png")),
                mail.inlineParts().get("logo-7f3a@em.example-ai.test").bytes());
        assertEquals(List.of(), mail.attachments(), "the HTML body and its image are not attachments");
        assertFalse(mail.renderableHtml().contains("text/html"), "no attachment line in the header block");
    }

    @Test
    void relatedOfAlternativeAndImageHasNoAttachment() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("related-alternative-image.eml"));

        assertTrue(mail.html().orElseThrow().contains("<h2>Changes to the Example Cloud Terms of Service</h2>"));
        assertTrue(mail.text().orElseThrow().contains("The updated terms apply from December 3, 2025."));
        assertEquals(Set.of("banner-c41"), mail.inlineParts().keySet());
        assertEquals(List.of(), mail.attachments(), "a named inline image the HTML shows is not an attachment");
    }

    @Test
    void aRelatedImageKnownOnlyByItsContentLocationIsShownInlineNotAttached() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("related-content-location.eml"));

        String location = "http://www.bank.example.org/mail/logo.png";
        assertEquals(Set.of(location), mail.inlineParts().keySet());
        assertEquals(location, mail.inlineParts().get(location).location());
        assertArrayEquals(Files.readAllBytes(fixture("logo.png")), mail.inlineParts().get(location).bytes());
        assertEquals(List.of(), mail.attachments());
        assertFalse(mail.renderableHtml().contains("src=\"" + location), "the page points to the part, not the network");
    }

    @Test
    void mixedOfAlternativeAndPdfListsOnlyThePdf() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("mixed-alternative-pdf.eml"));

        assertTrue(mail.html().orElseThrow().contains("<h1>We're updating our Terms of Service</h1>"));
        assertTrue(mail.text().orElseThrow().contains("A summary of the changes is attached."));
        assertEquals(Set.of(), mail.inlineParts().keySet());
        assertEquals(List.of(new EmailAttachment("Terms summary.pdf", "application/pdf", 26)), mail.attachments());
    }

    @Test
    void aForwardedMessageIsOneAttachmentAndItsPartsStayInside() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("forwarded-rfc822.eml"));

        assertEquals("Fwd: Updates to our Usage Policies", mail.subject());
        assertEquals("For the file: the notice we received yesterday.", mail.text().orElseThrow().strip());
        assertTrue(mail.html().isEmpty(), "the forwarded message's HTML is not the forwarding note's body");
        assertEquals(Set.of(), mail.inlineParts().keySet(), "the forwarded message's image is its own");
        assertEquals(1, mail.attachments().size());
        EmailAttachment forwarded = mail.attachments().get(0);
        assertEquals("Updates to our Usage Policies.eml", forwarded.fileName());
        assertEquals("message/rfc822", forwarded.mimeType());
        assertTrue(forwarded.size() > 0);
    }

    @Test
    void aForwardedMessageIsAlsoReadWholeWithItsOwnHeadersBodyAndImage() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("forwarded-rfc822.eml"));

        assertEquals(1, mail.forwarded().size());
        EmailMessage notice = mail.forwarded().get(0);
        assertEquals("Updates to our Usage Policies", notice.subject());
        assertEquals("Example Models <noreply@example-models.test>", notice.from().get(0).toString());
        assertEquals("2025-12-16T18:30:00Z", notice.date().orElseThrow().toString());
        assertTrue(notice.html().orElseThrow().contains("<p>We have updated our Usage Policies.</p>"));
        assertEquals(Set.of("mark-5e1"), notice.inlineParts().keySet());
        assertEquals(List.of(), notice.forwarded());
    }

    @Test
    void aListFooterAfterTheBodyIsTextButANamedTextPartIsAFile() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("mixed-list-footer-and-named-text.eml"));

        assertTrue(mail.html().orElseThrow().contains("Our community guidelines change on October 1, 2025."));
        assertEquals(List.of(new EmailAttachment("changes.txt", "text/plain", 40)), mail.attachments());
    }

    @Test
    void aTextOnlyMailHasNeitherInlinePartsNorAttachments() throws Exception {
        EmailMessage mail = EmailMessage.parse(fixture("text-only.eml"));

        assertTrue(mail.text().orElseThrow().contains("Dear customer,"));
        assertTrue(mail.html().isEmpty());
        assertEquals(Set.of(), mail.inlineParts().keySet());
        assertEquals(List.of(), mail.attachments());
    }

    private static Path fixture(String name) {
        return Path.of(System.getProperty("clausecam.projectDir", "."), "src/test/resources/email", name);
    }
}
