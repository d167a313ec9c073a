package org.clausecam.extract;

import java.net.URI;
import java.util.List;

/**
 * Reads the text of a PDF as Open Terms Archive's PDF converter (Accord Project's markdown-pdf
 * 0.16.25 over pdf.js 2.13.216) groups it: paragraphs, each a list of pdf.js text items, in
 * document order.
 */
public interface PdfTextReader {
    /**
     * @param location where the PDF was fetched, for error messages
     * @throws ExtractionException when the bytes are not a PDF pdf.js can read, or it could not run
     */
    List<List<String>> paragraphs(byte[] pdf, URI location) throws ExtractionException;
}
