package org.clausecam.extract;

/** Plain text lines of a PDF as Markdown paragraphs: blank-line separated blocks, lines joined by spaces. */
final class PdfParagraphs {
    private PdfParagraphs() {
    }

    static String toMarkdown(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String trimmed = JsText.trim(line);
            if (trimmed.isEmpty()) {
                flush(out, paragraph);
            } else {
                if (paragraph.length() > 0) paragraph.append(' ');
                paragraph.append(trimmed.replaceAll("[ \\t]+", " "));
            }
        }
        flush(out, paragraph);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder paragraph) {
        if (paragraph.length() == 0) return;
        if (out.length() > 0) out.append("\n\n");
        out.append(MarkdownEscaper.escape(paragraph.toString()));
        paragraph.setLength(0);
    }
}
