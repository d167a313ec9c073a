package org.clausecam.report;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.util.List;

/** One page of a terms' timeline: its records, newest first, with links to what each shows. */
final class TimelinePage {

    /** A record with the page about it (change or e-mail, else null). */
    record Row(StoredRecord stored, String page) {
    }

    private TimelinePage() {
    }

    static String main(TermsKey terms, List<Row> rows, int pageNumber, String previousPage, String nextPage) {
        StringBuilder html = new StringBuilder();
        html.append("<h1>").append(Html.escape(terms.service())).append(" · ").append(Html.escape(terms.termsType())).append("</h1>\n");
        html.append("<p class=\"lede\">Every record of these terms, newest first").append(pageNumber > 1 ? " (page " + pageNumber + ")" : "")
                .append(". Changes link to a comparison with the capture before them.</p>\n");
        html.append(pager(previousPage, nextPage, pageNumber, "Timeline pages"));
        html.append("<div class=\"table-wrap\"><table class=\"timeline\">\n<caption>Records of ")
                .append(Html.escape(terms.service())).append(" · ").append(Html.escape(terms.termsType())).append("</caption>\n")
                .append("<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Event</th><th scope=\"col\" class=\"num\">Record</th>")
                .append("<th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            CaptureRecord r = row.stored().record();
            String event = event(r);
            html.append("<tr class=\"").append(event).append("\"><td>").append(Page.time(r.fetchDate())).append("</td>")
                    .append("<td>").append(badge(r)).append("</td>")
                    .append("<td class=\"num\">").append(Html.escape(row.stored().id())).append("</td><td class=\"links\">");
            if (row.page() != null) {
                String label = TermsReport.isCapture(r) ? "Compare with the capture before" : "E-mail and its text";
                html.append("<a href=\"").append(row.page()).append("\" aria-label=\"").append(label).append(", ")
                        .append(Page.plainTime(r.fetchDate())).append("\">").append(label).append("</a>");
            }
            html.append("<a href=\"").append(SiteNames.recordPage(row.stored().id())).append("\" aria-label=\"Evidence, ")
                    .append(Page.plainTime(r.fetchDate())).append("\">Evidence</a>");
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
        html.append(pager(previousPage, nextPage, pageNumber, "Timeline pages, at the end of the list"));
        return html.toString();
    }

    /**
     * {@code first}, {@code changed}, {@code technical} (a new version only because of how the page
     * was fetched), {@code unchanged} or {@code email}: also the row's and badge's CSS class.
     */
    static String event(CaptureRecord r) {
        if (!TermsReport.isCapture(r)) return "email";
        if (r.first()) return "first";
        return r.changed() ? "changed" : r.technical() ? "technical" : "unchanged";
    }

    static String badge(CaptureRecord r) {
        String event = event(r);
        String label = switch (event) {
            case "email" -> "E-mail evidence";
            case "first" -> "First record";
            case "changed" -> "Changed";
            case "technical" -> "Technical change";
            default -> "Unchanged";
        };
        return "<span class=\"badge " + event + "\">" + label + "</span>";
    }

    /** Both pagers of a page are navigation landmarks: each needs its own name. */
    private static String pager(String previousPage, String nextPage, int pageNumber, String label) {
        if (previousPage == null && nextPage == null) return "";
        StringBuilder html = new StringBuilder("<nav class=\"pages\" aria-label=\"").append(label).append("\">");
        if (previousPage != null) html.append("<a rel=\"prev\" href=\"").append(previousPage).append("\">← Newer records</a>");
        html.append("<span>Page ").append(pageNumber).append("</span>");
        if (nextPage != null) html.append("<a rel=\"next\" href=\"").append(nextPage).append("\">Older records →</a>");
        return html.append("</nav>\n").toString();
    }
}
