package org.clausecam.extract;

import java.net.URI;
import java.util.List;
import org.clausecam.declarations.Selector;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.fetch.HtmlEncoding;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Turns a snapshot (HTML or PDF) into the Markdown version Open Terms Archive would record for
 * it: declared filters, links made absolute, scripts and styles dropped, e-mail protection
 * cleaned, {@code remove}, {@code select}, then HTML to Markdown.
 */
public final class Extractor {
    /** Separator between the versions of the source documents of combined terms. */
    public static final String DOCUMENT_SEPARATOR = "\n\n- - -\n\n";

    private final FilterRunner filters;
    private final PdfTextReader pdfText;
    private final MarkdownConverter converter = new MarkdownConverter();

    /**
     * An extractor for HTML declared without filters; a declaration with filters, or a PDF, fails
     * with a clear error (both need a browser).
     */
    public Extractor() {
        this(null, null);
    }

    /** An extractor for HTML, with or without filters; a PDF fails with a clear error. */
    public Extractor(FilterRunner filters) {
        this(filters, null);
    }

    /** An extractor for HTML and PDFs; either argument may be null, making what needs it an error. */
    public Extractor(FilterRunner filters, PdfTextReader pdfText) {
        this.filters = filters;
        this.pdfText = pdfText;
    }

    /** An extractor that reproduces the versions of {@code engine} (see {@link RecordingEngine}). */
    public Extractor forEngine(RecordingEngine engine) {
        return filters == null ? this : new Extractor(filters.forEngine(engine), pdfText);
    }

    /**
     * The version of one source document.
     *
     * @param filtersSource the service's {@code .filters.js} source, or null
     * @param content       the snapshot: a PDF, or HTML in the charset that {@code mimeType} names
     *                      (UTF-8 when it names none, as snapshots are stored)
     * @param mimeType      the snapshot's MIME type; PDFs are also recognised by their signature
     */
    public String extract(SourceDocument document, String filtersSource, byte[] content, String mimeType, URI location)
            throws ExtractionException {
        if (isPdf(content, mimeType)) return extractPdf(content, location);
        return extractHtml(document, filtersSource, decode(content, mimeType), location);
    }

    /**
     * The version of one fetched source document, its HTML decoded as a browser decodes it
     * ({@link HtmlEncoding#text}): the same text whichever fetcher brought it.
     */
    public String extract(SourceDocument document, String filtersSource, FetchedDocument fetched) throws ExtractionException {
        if (isPdf(fetched.content(), fetched.mimeType())) return extractPdf(fetched.content(), fetched.location());
        return extractHtml(document, filtersSource, HtmlEncoding.text(fetched), fetched.location());
    }

    private String extractPdf(byte[] content, URI location) throws ExtractionException {
        if (pdfText == null) {
            throw new ExtractionException("The PDF file at " + location
                    + " cannot be read: this extractor has no PDF reader (PDFs are read with pdf.js in a browser)");
        }
        return new PdfExtractor(pdfText).extract(content, location);
    }

    private static boolean isPdf(byte[] content, String mimeType) {
        if (mimeType != null && mimeType.toLowerCase(java.util.Locale.ROOT).startsWith("application/pdf")) return true;
        return content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-';
    }

    private static String decode(byte[] content, String mimeType) {
        // A stored snapshot: UTF-8 unless its type names a charset (an unknown one too falls back).
        return HtmlEncoding.decodeDeclared(content, mimeType, "utf-8");
    }

    /** The versions of combined source documents, joined as Open Terms Archive joins them. */
    public static String combine(List<String> versions) {
        return String.join(DOCUMENT_SEPARATOR, versions);
    }

    String extractHtml(SourceDocument document, String filtersSource, String html, URI location) throws ExtractionException {
        if (!document.filters().isEmpty()) {
            if (filters == null) {
                throw new ExtractionException("Filters " + filterNames(document) + " are declared for " + location
                        + " but this extractor has no filter runner (filters run as JavaScript in a browser)");
            }
            html = filters.apply(html, location, document, filtersSource);
        }
        String url = DocumentUrl.of(document, location);
        Document page = ScriptlessHtmlParser.parse(html, url);
        PageCleaner.clean(page, url);
        ContentSelection.remove(page, document.remove(), location);
        List<Selector> select = document.select().isEmpty() ? List.of(new Selector.Css("body")) : document.select();
        List<Node> fragment = ContentSelection.select(page, select, location);
        if (fragment.stream().noneMatch(node -> node instanceof Element)) {
            throw new ExtractionException("The selector " + describe(select) + " has no match in the web page at " + location
                    + (document.remove().isEmpty() ? "" : " (after removing " + describe(document.remove()) + ")"));
        }
        String markdown = converter.convertOwned(fragment);
        if (markdown.isEmpty()) {
            throw new ExtractionException("The selector " + describe(select) + " matches only empty content in the web page at " + location);
        }
        return markdown;
    }

    private static String describe(List<Selector> selectors) {
        return selectors.stream().map(s -> s instanceof Selector.Css css ? "\"" + css.css() + "\"" : s.toString())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String filterNames(SourceDocument document) {
        return document.filters().stream().map(f -> f.name()).collect(java.util.stream.Collectors.joining(", "));
    }
}
