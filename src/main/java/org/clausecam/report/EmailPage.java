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
    private final ScreenshotFiles screenshots;
    private final List<String> problems;

    EmailPage(Store store, ScreenshotFiles screenshots, List<String> problems) {
        this.store = store;
        this.screenshots = screenshots;
        this.problems = problems;
    }

    String main(TermsKey terms, StoredRecord email) throws IOException {
        CaptureRecord r = email.record();
        String context = ChangePage.context(terms, email);
        StringBuilder html = new StringBuilder();
        html.append("<h1>E-mail about ").append(Html.escape(terms.service())).append(" · ").append(Html.escape(terms.termsType()))
                .append("</h1>\n<p class=\"lede\">Kept as evidence of an announcement. Sent ").append(Page.time(r.fetchDate()))
                .append(" (record ").append(Html.escape(email.id())).append(").</p>\n");

        html.append("<div class=\"shots\">\n");
        boolean anyPicture = false;
        for (DocumentCapture document : r.documents()) {
            if (document.screenshot() == null) continue;
            String file = screenshots.file(document.screenshot(), context);
            if (file == null) continue;
            anyPicture = true;
            html.append("<figure>\n<div class=\"frame\"><a href=\"").append(TermsReport.TO_ROOT).append(file).append("\"><img src=\"")
                    .append(TermsReport.TO_ROOT).append(file).append("\" alt=\"The e-mail as it was displayed\"></a></div>\n")
                    .append("<figcaption>The e-mail as it was rendered when recorded</figcaption>\n</figure>\n");
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
