package org.clausecam.extract;

import java.net.URI;

/**
 * The version of a PDF, as Open Terms Archive extracts it: the text as its PDF converter groups
 * it ({@link PdfTextReader}), written as markdown-cicero writes it ({@link CiceroMarkdown}). A
 * PDF without text is an error (Open Terms Archive records nothing for it either).
 */
final class PdfExtractor {
    private final PdfTextReader reader;

    PdfExtractor(PdfTextReader reader) {
        this.reader = reader;
    }

    String extract(byte[] content, URI location) throws ExtractionException {
        String markdown = CiceroMarkdown.of(reader.paragraphs(content, location));
        if (markdown.isEmpty()) {
            throw new ExtractionException("The PDF file at " + location
                    + " contains no text, it might contain scanned images of text instead of actual text");
        }
        return markdown;
    }
}
