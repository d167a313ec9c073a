package org.clausecam.extract;

import java.io.IOException;
import java.net.URI;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text of a PDF as Markdown paragraphs. */
final class PdfExtractor {
    private PdfExtractor() {
    }

    static String extract(byte[] content, URI location) throws ExtractionException {
        String text;
        try (PDDocument pdf = Loader.loadPDF(content)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(pdf);
        } catch (IOException e) {
            throw new ExtractionException("Can't parse the PDF file at " + location + ": " + e.getMessage(), e);
        }
        String markdown = PdfParagraphs.toMarkdown(text);
        if (markdown.isEmpty()) {
            throw new ExtractionException("The PDF file at " + location
                    + " contains no text, it might contain scanned images of text instead of actual text");
        }
        return markdown;
    }
}
