package org.clausecam.report;

import org.clausecam.png.PngFormatException;
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
 * The page of one change. It opens on where the screenshots changed: for each changed band of
 * the page, crops of the screenshot before, after, and of their visual difference, each band
 * linked to the text change nearest to it; then the word-level difference of the two versions;
 * then both screenshots whole, as lazily loaded tiles.
 *
 * <p>Bands and text changes are matched by position, not by content: a band {@code y} rows down
 * a page {@code h} rows tall goes with the text change that starts nearest to {@code y/h} of the
 * newer version's lines. Text and layout run in the same order on policy pages, so the match is
 * right where a change sits in running text; it is approximate where the page has columns, or
 * images the text does not have, and the page says so.
 */
final class ChangePage {

    /** A change page's neighbours in its terms' history: file names, or null at either end. */
    record Neighbours(String older, String newer) {
    }

    /** The page and the words it changed, for the search index. */
    record Rendered(String main, String searchWords) {
    }

    private final Store store;
    private final ChangePictures pictures;
    private final List<String> problems;

    ChangePage(Store store, ChangePictures pictures, List<String> problems) {
        this.store = store;
        this.pictures = pictures;
        this.problems = problems;
    }

    static String context(TermsKey terms, StoredRecord stored) {
        return terms.service() + " / " + terms.termsType() + " record " + stored.id();
    }

    /**
     * @param earlier the nearest older page capture, or null when there is none
     * @param emails  e-mail evidence recorded between the two, newest first
     */
    Rendered render(TermsKey terms, StoredRecord change, StoredRecord earlier, List<StoredRecord> emails, Neighbours neighbours)
            throws IOException {
        CaptureRecord after = change.record();
        StringBuilder html = new StringBuilder();
        html.append("<h1>Change to ").append(Html.escape(terms.service())).append(" · ").append(Html.escape(terms.termsType()))
                .append("</h1>\n<p class=\"lede\">Recorded ").append(Page.time(after.fetchDate())).append("</p>\n");
        html.append(neighbourLinks(neighbours, "Changes of these terms"));

        String afterText = version(terms, change);
        String beforeText = earlier == null ? null : version(terms, earlier);
        WordDiff.Result diff = beforeText != null && afterText != null ? WordDiff.compare(beforeText, afterText) : null;

        html.append("<dl class=\"facts\">\n");
        if (earlier != null) {
            html.append("<dt>Before</dt><dd>").append(Page.time(earlier.record().fetchDate()))
                    .append(" (record ").append(Html.escape(earlier.id())).append(", <a href=\"")
                    .append(SiteNames.recordPage(earlier.id())).append("\">evidence</a>)</dd>\n");
        }
        html.append("<dt>After</dt><dd>").append(Page.time(after.fetchDate()))
                .append(" (record ").append(Html.escape(change.id())).append(", <a href=\"")
                .append(SiteNames.recordPage(change.id())).append("\">evidence</a>)</dd>\n");
        html.append("<dt>Record hash</dt><dd><code class=\"hash\">").append(Html.escape(change.sha256())).append("</code></dd>\n");
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

        StringBuilder wholes = new StringBuilder();
        html.append("<section aria-labelledby=\"where\">\n<h2 id=\"where\">Where the page changed</h2>\n");
        List<DocumentCapture> documents = after.documents();
        boolean any = false;
        for (int i = 0; i < documents.size(); i++) {
            DocumentCapture now = documents.get(i);
            DocumentCapture before = earlier == null ? null : matching(earlier.record().documents(), now, i);
            any |= screenshots(html, wholes, terms, change, earlier, now, before, documents.size() > 1 ? i + 1 : 0, diff);
        }
        if (!any) html.append("<p class=\"note\">No screenshots were taken for these captures.</p>\n");
        html.append("</section>\n");

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
        if (!wholes.isEmpty()) {
            html.append("<section aria-labelledby=\"whole\">\n<h2 id=\"whole\">Whole screenshots</h2>\n").append(wholes).append("</section>\n");
        }
        html.append(neighbourLinks(neighbours, "Changes of these terms, at the end of the page"));
        StringBuilder words = new StringBuilder();
        if (diff != null) for (WordDiff.TextChange c : diff.changes()) words.append(words.isEmpty() ? "" : " ").append(c.words());
        return new Rendered(html.toString(), words.toString());
    }

    private static String neighbourLinks(Neighbours neighbours, String label) {
        if (neighbours.older() == null && neighbours.newer() == null) return "";
        StringBuilder html = new StringBuilder("<nav class=\"pages\" aria-label=\"").append(label).append("\">");
        if (neighbours.older() != null) html.append("<a rel=\"prev\" href=\"").append(neighbours.older()).append("\">← Previous change</a>");
        if (neighbours.newer() != null) html.append("<a rel=\"next\" href=\"").append(neighbours.newer()).append("\">Next change →</a>");
        return html.append("</nav>\n").toString();
    }

    /** The earlier capture of the same source document: same document id, else same position. */
    private static DocumentCapture matching(List<DocumentCapture> earlier, DocumentCapture now, int index) {
        if (now.documentId() != null) {
            for (DocumentCapture d : earlier) if (now.documentId().equals(d.documentId())) return d;
        }
        return index < earlier.size() ? earlier.get(index) : null;
    }

    private boolean screenshots(StringBuilder html, StringBuilder wholes, TermsKey terms, StoredRecord change, StoredRecord earlier,
                                DocumentCapture now, DocumentCapture before, int number, WordDiff.Result diff) throws IOException {
        String beforeSha = before == null ? null : before.screenshot();
        String afterSha = now.screenshot();
        if (afterSha == null && beforeSha == null) return false;
        String where = terms.service() + " " + terms.termsType() + (number > 0 ? " document " + number : "");
        if (number > 0) {
            html.append("<h3>Document ").append(number).append(now.documentId() != null ? ": " + Html.escape(now.documentId()) : "").append("</h3>\n");
        }
        String prefix = number > 0 ? "d" + number + "-" : "";
        if (beforeSha == null || afterSha == null) {
            html.append("<p class=\"note\">Only one of the two captures has a screenshot.</p>\n");
            whole(wholes, beforeSha == null ? null : tiles(beforeSha, context(terms, earlier)), afterSha == null ? null
                    : tiles(afterSha, context(terms, change)), where, earlier, change);
            return true;
        }
        if (Objects.equals(beforeSha, afterSha)) {
            html.append("<p class=\"note\">The two screenshots are identical.</p>\n");
            return true;
        }
        ChangePictures.Pictures shown;
        try {
            shown = pictures.of(beforeSha, afterSha, context(terms, earlier), context(terms, change));
        } catch (PngFormatException e) {
            problems.add(context(terms, change) + ": screenshots not shown: " + e.getMessage());
            shown = null;
        }
        if (shown == null || shown.comparison() == null) {
            html.append("<p class=\"problem\">The screenshots could not be compared; see the report's problems.</p>\n");
            return true;
        }
        VisualDiffFiles.Comparison comparison = shown.comparison();
        String share = String.format(Locale.ROOT, "%.2f %%", comparison.changedShare() * 100);
        int bandCount = shown.bands().bands().size() + shown.bands().omitted();
        html.append("<p class=\"lede\">").append(share).append(" of the pixels changed, in ").append(bandCount)
                .append(bandCount == 1 ? " place" : " places").append(" of a page ")
                .append(String.format(Locale.ROOT, "%,d", comparison.height())).append(" px tall")
                .append(diff != null && !diff.changes().isEmpty()
                        ? ". Each place links to the text change nearest to it on the page (matched by position, so approximate)." : ".")
                .append("</p>\n");
        List<ChangedBands.Band> bands = shown.bands().bands();
        for (int i = 0; i < bands.size(); i++) {
            ChangedBands.Band band = bands.get(i);
            String id = "region-" + prefix + (i + 1);
            html.append("<section class=\"region\" id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-h\">\n")
                    .append("<h3 id=\"").append(id).append("-h\">Place ").append(i + 1).append(": rows ")
                    .append(String.format(Locale.ROOT, "%,d–%,d", band.changeTop(), band.changeBottom())).append("</h3>\n");
            WordDiff.TextChange text = nearest(diff, (double) band.changeTop() / comparison.height());
            if (text != null) {
                html.append("<p><a class=\"to-text\" href=\"#").append(text.anchor()).append("\">Text change ")
                        .append(text.anchor().substring("text-change-".length())).append(" ↓</a>");
            } else {
                html.append("<p>");
            }
            if (band.cut()) html.append(" <span class=\"note\">The change runs below this crop (content moved); see the whole screenshots.</span>");
            html.append("</p>\n<div class=\"crops\">\n");
            boolean eager = i == 0;
            crop(html, shown.before().get(i), "Before", earlier, "Before: " + where + ", rows " + band.top() + " to " + band.bottom(), eager);
            crop(html, shown.after().get(i), "After", change, "After: " + where + ", rows " + band.top() + " to " + band.bottom(), eager);
            crop(html, shown.difference().get(i), "Difference", null, "Changed pixels of " + where + " marked in red, rows "
                    + band.top() + " to " + band.bottom(), eager);
            html.append("</div>\n</section>\n");
        }
        if (shown.bands().omitted() > 0) {
            html.append("<p class=\"note\">").append(shown.bands().omitted())
                    .append(" more changed places further down are not cropped; see the whole screenshots.</p>\n");
        }
        whole(wholes, shown.beforeTiles(), shown.afterTiles(), where, earlier, change);
        return true;
    }

    private PreviewFiles.Tiles tiles(String sha, String context) throws IOException {
        try {
            return pictures.tiles(sha, context);
        } catch (PngFormatException e) {
            problems.add(context + ": screenshot " + sha + " not shown: " + e.getMessage());
            return null;
        }
    }

    private static WordDiff.TextChange nearest(WordDiff.Result diff, double position) {
        if (diff == null) return null;
        WordDiff.TextChange best = null;
        for (WordDiff.TextChange c : diff.changes()) {
            if (best == null || Math.abs(c.position() - position) < Math.abs(best.position() - position)) best = c;
        }
        return best;
    }

    private static void crop(StringBuilder html, PreviewFiles.Picture picture, String label, StoredRecord record, String alt, boolean eager) {
        html.append("<figure>\n");
        if (picture == null) {
            html.append("<p class=\"note\">").append(label).append(": the page ends above this place</p>\n");
        } else {
            String src = TermsReport.TO_ROOT + picture.file();
            html.append("<a href=\"").append(src).append("\"><img src=\"").append(src).append("\" alt=\"").append(Html.escape(alt))
                    .append("\" width=\"").append(picture.width()).append("\" height=\"").append(picture.height()).append("\"")
                    .append(eager ? "" : " loading=\"lazy\"").append("></a>\n");
        }
        html.append("<figcaption>").append(label);
        if (record != null) html.append(": ").append(Page.time(record.record().fetchDate()));
        html.append("</figcaption>\n</figure>\n");
    }

    private void whole(StringBuilder wholes, PreviewFiles.Tiles before, PreviewFiles.Tiles after, String where,
                       StoredRecord earlier, StoredRecord change) {
        wholes.append("<details class=\"whole\"><summary>").append(Html.escape(where)).append(": before and after, whole</summary>\n")
                .append("<div class=\"tiles-pair\">\n");
        tileColumn(wholes, before, "Before", earlier, where);
        tileColumn(wholes, after, "After", change, where);
        wholes.append("</div>\n</details>\n");
    }

    static void tileColumn(StringBuilder html, PreviewFiles.Tiles tiles, String label, StoredRecord record, String where) {
        html.append("<div class=\"tiles\"><p class=\"tiles-caption\">").append(label);
        if (record != null) html.append(": ").append(Page.time(record.record().fetchDate()));
        if (tiles == null) {
            html.append("</p><p class=\"note\">No screenshot.</p></div>\n");
            return;
        }
        html.append(", ").append(String.format(Locale.ROOT, "%,d × %,d px", tiles.width(), tiles.height())).append("</p>\n");
        for (int n = 0; n < tiles.tiles().size(); n++) {
            PreviewFiles.Picture tile = tiles.tiles().get(n);
            html.append("<img src=\"").append(TermsReport.TO_ROOT).append(tile.file()).append("\" alt=\"")
                    .append(Html.escape(label + ": " + where + ", part " + (n + 1) + " of " + tiles.tiles().size()))
                    .append("\" width=\"").append(tile.width()).append("\" height=\"").append(tile.height()).append("\" loading=\"lazy\">\n");
        }
        html.append("</div>\n");
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
