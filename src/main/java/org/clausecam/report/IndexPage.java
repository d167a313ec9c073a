package org.clausecam.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's home: every service and its terms, with when each last changed. */
final class IndexPage {

    private IndexPage() {
    }

    /** @param summaries sorted by service, then terms type */
    static String main(List<TermsSummary> summaries, String storeDescription) {
        Map<String, List<TermsSummary>> byService = new LinkedHashMap<>();
        int records = 0;
        for (TermsSummary s : summaries) {
            byService.computeIfAbsent(s.terms().service(), k -> new ArrayList<>()).add(s);
            records += s.records();
        }
        StringBuilder html = new StringBuilder();
        html.append("<h1>Terms tracked</h1>\n<p class=\"lede\">")
                .append(count(byService.size(), "service")).append(", ")
                .append(count(summaries.size(), "terms", "terms")).append(", ")
                .append(count(records, "record")).append(" in ").append(Html.escape(storeDescription)).append(".</p>\n");
        if (summaries.isEmpty()) {
            html.append("<p class=\"note\">The store holds no records yet. Run <code>clausecam track</code> first.</p>\n");
            return html.toString();
        }
        html.append("<div class=\"table-wrap\"><table class=\"services\">\n<caption>Services and their terms, with the latest change to each text</caption>\n")
                .append("<thead><tr><th scope=\"col\">Service</th><th scope=\"col\">Terms</th><th scope=\"col\">Last change</th>")
                .append("<th scope=\"col\">Last capture</th><th scope=\"col\" class=\"num\">Records</th></tr></thead>\n");
        for (Map.Entry<String, List<TermsSummary>> service : byService.entrySet()) {
            List<TermsSummary> terms = service.getValue();
            html.append("<tbody>\n");
            for (int i = 0; i < terms.size(); i++) {
                TermsSummary s = terms.get(i);
                html.append("<tr>");
                if (i == 0) {
                    html.append("<th scope=\"rowgroup\"").append(terms.size() > 1 ? " rowspan=\"" + terms.size() + "\"" : "").append(">")
                            .append(Html.escape(service.getKey())).append("</th>");
                }
                html.append("<td><a href=\"").append(s.folder()).append("/index.html\">").append(Html.escape(s.terms().termsType()))
                        .append("</a></td><td>");
                if (s.lastChange() != null) {
                    html.append("<a href=\"").append(s.lastChangePage()).append("\">").append(Page.day(s.lastChange())).append("</a>");
                } else if (s.firstCapture() == null) {
                    html.append("<span class=\"lede\">no page capture yet</span>");
                } else {
                    html.append("<span class=\"lede\">none since ").append(Page.day(s.firstCapture())).append("</span>");
                }
                html.append("</td><td>").append(Page.day(s.lastCapture())).append("</td><td class=\"num\">").append(s.records());
                if (s.emails() > 0) html.append(" <span class=\"badge email\"><span aria-hidden=\"true\">✉ </span>").append(count(s.emails(), "e-mail")).append("</span>");
                html.append("</td></tr>\n");
            }
            html.append("</tbody>\n");
        }
        html.append("</table></div>\n");
        return html.toString();
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
