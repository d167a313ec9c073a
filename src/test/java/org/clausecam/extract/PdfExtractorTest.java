package org.clausecam.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.clausecam.capture.Chromium;
import org.clausecam.declarations.SourceDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PDFs are read with pdf.js in a real Chromium and become Markdown paragraphs as Open Terms
 * Archive writes them; a PDF without text, or bytes that are no PDF, are errors naming the
 * location. Expected versions were checked with Open Terms Archive's own stack
 * ({@code scripts/pdfjs/reference.js}).
 */
class PdfExtractorTest {
    private static final URI LOCATION = URI.create("https://example.com/terms.pdf");
    private static final SourceDocument DOCUMENT = new SourceDocument(null, LOCATION, List.of(), List.of(), List.of(), null);
    /** One Chromium for the class, as one agent has for a tracking run. */
    private static Chromium chromium;
    private static Extractor extractor;

    @BeforeAll
    static void startChromium() {
        chromium = new Chromium(System.getenv(), 1);
        extractor = new Extractor(null, new SharedBrowserPdfTextReader(chromium));
    }

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    /** Lines 14 pt apart form a paragraph; a 34 pt gap starts the next one. */
    private static byte[] pdf(String[][] paragraphs) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                float y = 700;
                for (String[] paragraph : paragraphs) {
                    for (String line : paragraph) {
                        content.beginText();
                        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                        content.newLineAtOffset(72, y);
                        content.showText(line);
                        content.endText();
                        y -= 14;
                    }
                    y -= 20;
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPdfBecomesItsText() throws Exception {
        byte[] pdf;
        try (InputStream in = PdfExtractorTest.class.getResourceAsStream("/fetch/terms.pdf")) {
            pdf = in.readAllBytes();
        }

        assertEquals("Terms of Service, PDF edition", extractor.extract(DOCUMENT, null, pdf, "application/pdf", LOCATION));
    }

    /**
     * pdf.js marks each new line with an empty text item of height 0 at that line's baseline, and
     * markdown-pdf starts a paragraph when the baseline moved by more than twice the item's height:
     * each such item opens a paragraph, which the line joins when it is close enough (14 pt) and
     * which stays empty when it is not (34 pt). Open Terms Archive's stack gives exactly this.
     */
    @Test
    void textItemsBecomeParagraphsAsOpenTermsArchiveGroupsThemWithMarkdownEscaped() throws Exception {
        byte[] pdf = pdf(new String[][] {{"1. Terms of *Service*"}, {"First line of a paragraph", "and its second line."}});

        String version = extractor.extract(DOCUMENT, null, pdf, "application/pdf", LOCATION);

        assertEquals("1\\. Terms of \\*Service\\*\n\n\n\nFirst line of a paragraph\n\nand its second line.", version);
    }

    @Test
    void aPdfWithoutTextIsAnErrorThatSaysSo() throws Exception {
        byte[] pdf = pdf(new String[0][]);

        ExtractionException e = assertThrows(ExtractionException.class,
                () -> extractor.extract(DOCUMENT, null, pdf, "application/pdf", LOCATION));

        assertTrue(e.getMessage().contains("contains no text") && e.getMessage().contains(LOCATION.toString()), e.getMessage());
    }

    @Test
    void bytesThatAreNotAPdfAreAnErrorNamingTheLocation() {
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> extractor.extract(DOCUMENT, null, "<html>".getBytes(), "application/pdf", LOCATION));

        assertTrue(e.getMessage().startsWith("Can't parse the PDF file at " + LOCATION), e.getMessage());
    }

    @Test
    void anExtractorWithoutAPdfReaderSaysWhyItCannotReadAPdf() {
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> new Extractor().extract(DOCUMENT, null, "%PDF-1.4".getBytes(), "application/pdf", LOCATION));

        assertTrue(e.getMessage().contains(LOCATION.toString()) && e.getMessage().contains("no PDF reader"), e.getMessage());
    }
}
