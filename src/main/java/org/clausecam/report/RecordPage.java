package org.clausecam.report;

import org.clausecam.png.PngFormatException;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.io.IOException;
import java.util.List;

/**
 * The permanent page of one record ({@code record-<id>.html} in its terms' folder, named by the
 * record's id, which never changes): what a citation needs — the record's hash, its date, where
 * each document came from and how — with the Markdown version, the snapshots, the e-mail source
 * and the screenshots, as copies of the store's blobs named by their hashes.
 */
final class RecordPage {

    private final EvidenceFiles evidence;
    private final ChangePictures pictures;
    private final List<String> problems;

    RecordPage(EvidenceFiles evidence, ChangePictures pictures, List<String> problems) {
        this.evidence = evidence;
        this.pictures = pictures;
        this.problems = problems;
    }

    /** @param page the change or e-mail page about this record, or null */
    String main(TermsKey terms, StoredRecord stored, String page) throws IOException {
        CaptureRecord r = stored.record();
        String context = ChangePage.context(terms, stored);
        boolean email = !TermsReport.isCapture(r);
        StringBuilder html = new StringBuilder();
        html.append("<h1>Record ").append(Html.escape(stored.id())).append(" of ").append(Html.escape(terms.service()))
                .append(" · ").append(Html.escape(terms.termsType())).append("</h1>\n<p class=\"lede\">")
                .append(TimelinePage.badge(r)).append(" ").append(email ? "Sent " : "Captured ").append(Page.time(r.fetchDate()));
        if (page != null) {
            html.append(" · <a href=\"").append(page).append("\">").append(email ? "The e-mail and its text" : "What changed").append("</a>");
        }
        html.append("</p>\n<dl class=\"facts\">\n<dt>Record hash</dt><dd><code class=\"hash\">").append(Html.escape(stored.sha256()))
                .append("</code></dd>\n<dt>Previous record</dt><dd>")
                .append(r.previous() == null ? "none: the first record" : "<code class=\"hash\">" + Html.escape(r.previous()) + "</code>")
                .append("</dd>\n<dt>").append(email ? "E-mail text" : "Markdown version").append("</dt><dd>")
                .append(blobLink(r.version(), email ? "txt" : "md", email ? "e-mail text" : "version", context)).append("</dd>\n");
        if (r.declaration() != null) {
            html.append("<dt>Declaration</dt><dd>").append(blobLink(r.declaration(), "json", "declaration", context)).append("</dd>\n");
        }
        html.append("<dt>Recorded by</dt><dd>").append(Html.escape(r.agentVersion())).append("</dd>\n</dl>\n");

        for (int i = 0; i < r.documents().size(); i++) {
            DocumentCapture d = r.documents().get(i);
            html.append("<section class=\"document\">\n<h2>").append(email ? "E-mail" : r.documents().size() == 1 ? "Document"
                    : "Document " + (i + 1) + (d.documentId() != null ? ": " + Html.escape(d.documentId()) : "")).append("</h2>\n<dl class=\"facts\">\n");
            if (!email) {
                html.append("<dt>Location</dt><dd>").append(Html.externalLink(d.location())).append("</dd>\n")
                        .append("<dt>Fetched by</dt><dd>").append(Html.escape(d.fetcher())).append(", HTTP ").append(d.status()).append("</dd>\n");
            }
            html.append("<dt>").append(email ? "E-mail source" : "Snapshot").append("</dt><dd>")
                    .append(blobLink(d.snapshot(), EvidenceFiles.snapshotExtension(d.mimeType()), email ? "e-mail source" : "snapshot", context))
                    .append(d.mimeType() == null ? "" : " (" + Html.escape(d.mimeType()) + ")").append("</dd>\n");
            if (d.screenshot() != null) {
                html.append("<dt>Screenshot</dt><dd>");
                String png = evidence.screenshot(d.screenshot(), context);
                if (png != null) {
                    html.append("<a href=\"").append(TermsReport.TO_ROOT).append(png).append("\">PNG</a> ");
                }
                html.append("<code class=\"hash\">").append(Html.escape(d.screenshot())).append("</code></dd>\n");
            }
            html.append("</dl>\n");
            if (d.screenshot() != null) {
                PreviewFiles.Tiles tiles = tiles(d.screenshot(), context);
                html.append("<details class=\"whole\"").append(email ? " open" : "").append("><summary>The screenshot, whole</summary>\n");
                ChangePage.tileColumn(html, tiles, email ? "Rendering" : "Screenshot", stored, terms.service() + " " + terms.termsType());
                html.append("</details>\n");
            }
            html.append("</section>\n");
        }
        return html.toString();
    }

    private PreviewFiles.Tiles tiles(String sha, String context) throws IOException {
        try {
            return pictures.tiles(sha, context);
        } catch (PngFormatException e) {
            problems.add(context + ": screenshot " + sha + " not shown: " + e.getMessage());
            return null;
        }
    }

    private String blobLink(String sha, String extension, String what, String context) throws IOException {
        if (sha == null) return "—";
        String copy = evidence.copy(sha, extension, what, context);
        String hash = "<code class=\"hash\">" + Html.escape(sha) + "</code>";
        if (copy == null) return "<span class=\"problem\">cannot be read from the store</span> " + hash;
        return "<a href=\"" + TermsReport.TO_ROOT + copy + "\">" + extension.toUpperCase(java.util.Locale.ROOT).replace(".TXT", "")
                + "</a> " + hash;
    }
}
