package org.clausecam.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The report's home: every service and its terms, with when each last changed. */
final class IndexPage {

    private IndexPage() {
    }

    /**
     * @param summaries sorted by service, then terms type
     * @param entries   changes, e-mails and terms, newest first
     */
    static String main(List<TermsSummary> summaries, String storeDescription, List<IndexEntry> entries) {
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
        findings(html, summaries, entries);
        return html.toString();
    }

    /**
     * The list of changes, e-mails and terms, newest first, with a search box and filters that
     * {@code assets/search.js} brings to life; without scripts the form stays hidden and the
     * whole list shows.
     */
    private static void findings(StringBuilder html, List<TermsSummary> summaries, List<IndexEntry> entries) {
        Set<String> services = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        for (TermsSummary s : summaries) {
            services.add(s.terms().service());
            types.add(s.terms().termsType());
        }
        html.append("<section aria-labelledby=\"find\">\n<h2 id=\"find\">Changes, e-mails and terms</h2>\n")
                .append("<form id=\"filters\" class=\"filters\" role=\"search\" hidden>\n")
                .append("<label>Search <input type=\"search\" name=\"q\" placeholder=\"words of a change, a service, a terms type\"></label>\n")
                .append("<label><input type=\"checkbox\" name=\"changes\"> Changes only</label>\n")
                .append(select("service", "Service", services))
                .append(select("type", "Terms type", types))
                .append("<label>From <input type=\"date\" name=\"from\"></label>\n")
                .append("<label>To <input type=\"date\" name=\"to\"></label>\n")
                .append("<output id=\"shown\" aria-live=\"polite\"></output>\n</form>\n")
                .append("<ol id=\"entries\" class=\"entries\">\n");
        for (IndexEntry e : entries) {
            html.append("<li data-kind=\"").append(e.kind()).append("\" data-service=\"").append(Html.escape(e.service()))
                    .append("\" data-type=\"").append(Html.escape(e.termsType())).append("\" data-date=\"")
                    .append(e.date() == null ? "" : e.date().toString()).append("\" data-href=\"").append(Html.escape(e.href())).append("\">")
                    .append("<span class=\"badge ").append(badgeClass(e.kind())).append("\">").append(label(e.kind())).append("</span> ")
                    .append(Page.day(e.date())).append(" <a href=\"").append(Html.escape(e.href())).append("\">")
                    .append(Html.escape(e.title())).append("</a></li>\n");
        }
        html.append("</ol>\n</section>\n<script src=\"").append(ReportWriter.SEARCH_INDEX).append("\"></script>\n")
                .append("<script src=\"").append(ReportWriter.SEARCH_SCRIPT).append("\"></script>\n");
    }

    private static String select(String name, String label, Set<String> values) {
        StringBuilder html = new StringBuilder("<label>").append(label).append(" <select name=\"").append(name)
                .append("\"><option value=\"\">All</option>");
        for (String v : values) html.append("<option>").append(Html.escape(v)).append("</option>");
        return html.append("</select></label>\n").toString();
    }

    private static String badgeClass(String kind) {
        return switch (kind) {
            case "change" -> "changed";
            case "email" -> "email";
            default -> "first";
        };
    }

    private static String label(String kind) {
        return switch (kind) {
            case "change" -> "Change";
            case "email" -> "E-mail";
            default -> "Terms";
        };
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
