package org.clausecam.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.clausecam.declarations.SourceDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PDFs become Markdown paragraphs; a PDF without text is a clear error. */
@Tag("unit")
class PdfExtractorTest {
    private static final URI LOCATION = URI.create("https://example.com/terms.pdf");
    private static final SourceDocument DOCUMENT = new SourceDocument(null, LOCATION, List.of(), List.of(), List.of(), null);

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
    void textBecomesParagraphsSeparatedByABlankLineWithMarkdownEscaped() throws Exception {
        byte[] pdf = pdf(new String[][] {{"1. Terms of *Service*"}, {"First line of a paragraph ", "and its second line."}});

        String version = new Extractor().extract(DOCUMENT, null, pdf, "application/pdf", LOCATION);

        assertEquals("1\\. Terms of \\*Service\\*\n\nFirst line of a paragraph and its second line.", version);
    }

    @Test
    void aPdfWithoutTextIsAnErrorThatSaysSo() throws Exception {
        byte[] pdf = pdf(new String[0][]);

        ExtractionException e = assertThrows(ExtractionException.class,
                () -> new Extractor().extract(DOCUMENT, null, pdf, "application/pdf", LOCATION));

        assertTrue(e.getMessage().contains("contains no text") && e.getMessage().contains(LOCATION.toString()), e.getMessage());
    }

    @Test
    void bytesThatAreNotAPdfAreAnError() {
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> new Extractor().extract(DOCUMENT, null, "<html>".getBytes(), "application/pdf", LOCATION));

        assertTrue(e.getMessage().contains(LOCATION.toString()), e.getMessage());
    }
}
