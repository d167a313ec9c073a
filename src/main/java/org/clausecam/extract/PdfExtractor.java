package org.clausecam.extract;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Text of a PDF as Markdown paragraphs, in the manner of the converter Open Terms Archive uses
 * for PDFs (Accord Project's markdown-pdf): text runs in reading order, a new paragraph where the
 * vertical gap from the previous run exceeds twice the text height (and at each page), runs of
 * a paragraph joined as they are, Markdown characters escaped per run, paragraphs separated by a
 * blank line. Line-level runs from PDFBox stand in for pdf.js's text items, so line joins and
 * escapes can differ from Open Terms Archive's output in places.
 */
final class PdfExtractor {
    private static final double PARAGRAPH_GAP = 2;

    private PdfExtractor() {
    }

    static String extract(byte[] content, URI location) throws ExtractionException {
        List<List<String>> paragraphs;
        try (PDDocument pdf = Loader.loadPDF(content)) {
            RunCollector collector = new RunCollector();
            collector.setSortByPosition(true);
            collector.getText(pdf);
            paragraphs = collector.paragraphs;
        } catch (IOException e) {
            throw new ExtractionException("Can't parse the PDF file at " + location + ": " + e.getMessage(), e);
        }
        StringBuilder markdown = new StringBuilder();
        for (List<String> paragraph : paragraphs) {
            StringBuilder text = new StringBuilder();
            for (String run : paragraph) text.append(escape(run));
            if (markdown.length() > 0) markdown.append("\n\n");
            markdown.append(text);
        }
        String result = JsText.trim(markdown.toString());
        if (result.isEmpty()) {
            throw new ExtractionException("The PDF file at " + location
                    + " contains no text, it might contain scanned images of text instead of actual text");
        }
        return result;
    }

    /** markdown-cicero's text escapes, applied to one run. */
    static String escape(String run) {
        String s = run.replaceAll("[*`&>]", "\\\\$0");
        s = s.replaceFirst("^(#+) ", "\\\\$1 ");
        s = s.replaceFirst("^(\\d+)\\. ", "$1\\\\. ");
        s = s.replaceFirst("^- ", "\\\\- ");
        return s.replaceFirst("^_", "\\\\_");
    }

    /** Collects each line of text with its baseline and height, and groups lines into paragraphs. */
    private static final class RunCollector extends PDFTextStripper {
        final List<List<String>> paragraphs = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private float lineY;
        private float lineHeight;
        private boolean lineStarted;
        private float lastY;

        RunCollector() throws IOException {
            super();
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            lastY = 0;
            super.startPage(page);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (!lineStarted && !positions.isEmpty()) {
                TextPosition first = positions.get(0);
                lineY = first.getTextMatrix().getTranslateY();
                lineHeight = first.getFontSizeInPt();
                lineStarted = true;
            }
            line.append(text.replaceAll("\\r\\n|\\r|\\n", " "));
        }

        @Override
        protected void writeWordSeparator() {
            line.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            endLine();
            super.endPage(page);
        }

        private void endLine() {
            if (!lineStarted) return;
            boolean newParagraph = paragraphs.isEmpty() || Math.abs(lastY - lineY) > lineHeight * PARAGRAPH_GAP;
            if (newParagraph) paragraphs.add(new ArrayList<>());
            paragraphs.get(paragraphs.size() - 1).add(line.toString());
            if (!JsText.isBlank(line.toString())) lastY = lineY;
            line.setLength(0);
            lineStarted = false;
        }
    }
}
