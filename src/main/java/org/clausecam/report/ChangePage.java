package org.clausecam.report;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The page of one change: the word-level difference of the two versions, then, per source
 * document, the screenshot before, the screenshot after and the picture of what moved between them.
 */
final class ChangePage {

    private final Store store;
    private final ScreenshotFiles screenshots;
    private final VisualDiffFiles visualDiffs;
    private final List<String> problems;

    ChangePage(Store store, ScreenshotFiles screenshots, VisualDiffFiles visualDiffs, List<String> problems) {
        this.store = store;
        this.screenshots = screenshots;
        this.visualDiffs = visualDiffs;
        this.problems = problems;
    }

    static String context(TermsKey terms, StoredRecord stored) {
        return terms.service() + " / " + terms.termsType() + " record " + stored.id();
    }

    /**
     * @param earlier the nearest older page capture, or null when there is none
     * @param emails  e-mail evidence recorded between the two, newest first
     */
    String main(TermsKey terms, StoredRecord change, StoredRecord earlier, List<StoredRecord> emails) throws IOException {
        CaptureRecord after = change.record();
        StringBuilder html = new StringBuilder();
        html.append("<h1>Change to ").append(Html.escape(terms.service())).append(" · ").append(Html.escape(terms.termsType()))
                .append("</h1>\n<p class=\"lede\">Recorded ").append(Page.time(after.fetchDate())).append("</p>\n");

        String afterText = version(terms, change);
        String beforeText = earlier == null ? null : version(terms, earlier);
        WordDiff.Result diff = beforeText != null && afterText != null ? WordDiff.compare(beforeText, afterText) : null;

        html.append("<dl class=\"facts\">\n");
        if (earlier != null) {
            html.append("<dt>Before</dt><dd>").append(Page.time(earlier.record().fetchDate()))
                    .append(" (record ").append(Html.escape(earlier.id())).append(")</dd>\n");
        }
        html.append("<dt>After</dt><dd>").append(Page.time(after.fetchDate()))
                .append(" (record ").append(Html.escape(change.id())).append(")</dd>\n");
        if (diff != null) {
            html.append("<dt>Words</dt><dd>").append(diff.insertedWords()).append(" added, ")
                    .append(diff.deletedWords()).append(" deleted</dd>\n");
        }
        if (!emails.isEmpty()) {
            html.append("<dt>Announced</dt><dd>");
            for (int i = 0; i < emails.size(); i++) {
                if (i > 0) html.append("<br>");
                html.append("<a href=\"").append(SiteNames.emailPage(emails.get(i).id())).append("\">E-mail of ")
                        .append(Page.time(emails.get(i).record().fetchDate())).append("</a>");
            }
            html.append("</dd>\n");
        }
        html.append("<dt>Source</dt><dd>");
        for (int i = 0; i < after.documents().size(); i++) {
            if (i > 0) html.append("<br>");
            html.append(Html.externalLink(after.documents().get(i).location()));
        }
        html.append("</dd>\n</dl>\n");

        html.append("<section aria-labelledby=\"text\">\n<h2 id=\"text\">Text</h2>\n");
        if (earlier == null) {
            html.append("<p class=\"note\">No earlier page capture of these terms is in the store to compare with.</p>\n");
        } else if (diff == null) {
            html.append("<p class=\"problem\">A version could not be read from the store; see the report's problems.</p>\n");
        } else if (diff.identical()) {
            html.append("<p class=\"note\">The text is the same as in the capture before.</p>\n");
        } else {
            html.append("<p class=\"legend\">Deleted words are <del>struck through</del>; added words are <ins>underlined</ins>. ")
                    .append("Unchanged passages are folded; open them to read in context.</p>\n");
            html.append(diff.html());
        }
        html.append("</section>\n");

        html.append("<section aria-labelledby=\"screenshots\">\n<h2 id=\"screenshots\">Screenshots</h2>\n");
        List<DocumentCapture> documents = after.documents();
        boolean any = false;
        for (int i = 0; i < documents.size(); i++) {
            DocumentCapture now = documents.get(i);
            DocumentCapture before = earlier == null ? null : matching(earlier.record().documents(), now, i);
            any |= screenshots(html, terms, change, earlier, now, before, documents.size() > 1 ? i + 1 : 0);
        }
        if (!any) html.append("<p class=\"note\">No screenshots were taken for these captures.</p>\n");
        html.append("</section>\n");
        return html.toString();
    }

    /** The earlier capture of the same source document: same document id, else same position. */
    private static DocumentCapture matching(List<DocumentCapture> earlier, DocumentCapture now, int index) {
        if (now.documentId() != null) {
            for (DocumentCapture d : earlier) if (now.documentId().equals(d.documentId())) return d;
        }
        return index < earlier.size() ? earlier.get(index) : null;
    }

    private boolean screenshots(StringBuilder html, TermsKey terms, StoredRecord change, StoredRecord earlier,
                                DocumentCapture now, DocumentCapture before, int number) throws IOException {
        String beforeSha = before == null ? null : before.screenshot();
        if (now.screenshot() == null && beforeSha == null) return false;
        String beforeFile = beforeSha == null ? null : screenshots.file(beforeSha, context(terms, earlier));
        String afterFile = now.screenshot() == null ? null : screenshots.file(now.screenshot(), context(terms, change));
        String where = terms.service() + " " + terms.termsType() + (number > 0 ? " document " + number : "");
        if (number > 0) {
            html.append("<h3>Document ").append(number).append(now.documentId() != null ? ": " + Html.escape(now.documentId()) : "").append("</h3>\n");
        }
        html.append("<div class=\"shots\">\n");
        figure(html, beforeFile, "Before", earlier, "Screenshot of " + where + " before the change");
        figure(html, afterFile, "After", change, "Screenshot of " + where + " after the change");
        if (beforeFile != null && afterFile != null) {
            if (Objects.equals(beforeSha, now.screenshot())) {
                html.append("<p class=\"note\">The two screenshots are identical.</p>\n");
            } else {
                VisualDiffFiles.Comparison comparison = visualDiffs.compare(beforeSha, beforeFile, now.screenshot(), afterFile, context(terms, change));
                if (comparison != null) {
                    String share = String.format(Locale.ROOT, "%.2f %%", comparison.changedShare() * 100);
                    String caption = "What changed: " + share + " of the pixels, in " + comparison.regions()
                            + (comparison.regions() == 1 ? " region" : " regions") + ", painted over the newer screenshot";
                    html.append("<figure>\n<div class=\"frame\"><a href=\"").append(TermsReport.TO_ROOT).append(comparison.picture())
                            .append("\"><img src=\"").append(TermsReport.TO_ROOT).append(comparison.picture())
                            .append("\" alt=\"Changed regions of ").append(Html.escape(where)).append(" marked over the newer screenshot\"")
                            .append(" width=\"").append(comparison.width()).append("\" height=\"").append(comparison.height())
                            .append("\"></a></div>\n<figcaption>").append(Html.escape(caption)).append("</figcaption>\n</figure>\n");
                }
            }
        }
        html.append("</div>\n");
        return true;
    }

    private static void figure(StringBuilder html, String file, String label, StoredRecord record, String alt) {
        if (file == null) {
            html.append("<figure><p class=\"note\">").append(label).append(": no screenshot</p></figure>\n");
            return;
        }
        html.append("<figure>\n<div class=\"frame\"><a href=\"").append(TermsReport.TO_ROOT).append(file).append("\"><img src=\"")
                .append(TermsReport.TO_ROOT).append(file).append("\" alt=\"").append(Html.escape(alt)).append("\"></a></div>\n")
                .append("<figcaption>").append(label).append(": ").append(Page.time(record.record().fetchDate()))
                .append("</figcaption>\n</figure>\n");
    }

    private String version(TermsKey terms, StoredRecord stored) {
        try {
            return new String(store.getBlob(stored.record().version()), StandardCharsets.UTF_8);
        } catch (StoreException e) {
            problems.add(context(terms, stored) + ": version " + stored.record().version() + " cannot be read from "
                    + store.describe() + ": " + e.getMessage());
            return null;
        }
    }
}
