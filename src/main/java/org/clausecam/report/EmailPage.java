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

/** The page of one e-mail kept as evidence of a terms' change: its rendering beside its text. */
final class EmailPage {

    private final Store store;
    private final ChangePictures pictures;
    private final List<String> problems;

    EmailPage(Store store, ChangePictures pictures, List<String> problems) {
        this.store = store;
        this.pictures = pictures;
        this.problems = problems;
    }

    String main(TermsKey terms, StoredRecord email) throws IOException {
        CaptureRecord r = email.record();
        String context = ChangePage.context(terms, email);
        StringBuilder html = new StringBuilder();
        html.append("<h1>E-mail about ").append(Html.escape(terms.service())).append(" · ").append(Html.escape(terms.termsType()))
                .append("</h1>\n<p class=\"lede\">Kept as evidence of an announcement. Sent ").append(Page.time(r.fetchDate()))
                .append(" (record ").append(Html.escape(email.id())).append(", <a href=\"").append(SiteNames.recordPage(email.id()))
                .append("\">evidence: hash and e-mail source</a>).</p>\n");

        html.append("<div class=\"shots\">\n");
        boolean anyPicture = false;
        for (DocumentCapture document : r.documents()) {
            if (document.screenshot() == null) continue;
            PreviewFiles.Tiles tiles;
            try {
                tiles = pictures.tiles(document.screenshot(), context);
            } catch (org.clausecam.png.PngFormatException e) {
                problems.add(context + ": rendering " + document.screenshot() + " not shown: " + e.getMessage());
                continue;
            }
            if (tiles == null) continue;
            anyPicture = true;
            html.append("<figure>\n<div class=\"frame\">");
            for (PreviewFiles.Picture tile : tiles.tiles()) {
                html.append("<img src=\"").append(TermsReport.TO_ROOT).append(tile.file()).append("\" alt=\"The e-mail as it was displayed\" width=\"")
                        .append(tile.width()).append("\" height=\"").append(tile.height()).append("\">");
            }
            html.append("</div>\n<figcaption>The e-mail as it was rendered when recorded</figcaption>\n</figure>\n");
        }
        if (!anyPicture) html.append("<p class=\"note\">No rendering of this e-mail is in the store.</p>\n");

        html.append("<section aria-labelledby=\"email-text\">\n<h2 id=\"email-text\">Text</h2>\n");
        try {
            String text = new String(store.getBlob(r.version()), StandardCharsets.UTF_8);
            html.append("<pre class=\"email-text\">").append(Html.escape(text)).append("</pre>\n");
        } catch (StoreException e) {
            problems.add(context + ": e-mail text " + r.version() + " cannot be read from " + store.describe() + ": " + e.getMessage());
            html.append("<p class=\"problem\">The text of this e-mail cannot be read from the store.</p>\n");
        }
        html.append("</section>\n</div>\n");
        return html.toString();
    }
}
