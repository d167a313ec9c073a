package org.clausecam.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The frame every report page shares: head, skip link, breadcrumbs, main content, footer. */
final class Page {

    static final String STYLESHEET = "assets/report.css";

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** A breadcrumb: a link, or the current page when {@code href} is null. */
    record Crumb(String label, String href) {
    }

    private Page() {
    }

    /**
     * @param toRoot   relative path from the page's folder to the report root ("" or "../../../")
     * @param title    plain text (escaped here)
     * @param crumbs   trail after the report's home, the last one being this page
     * @param main     HTML of the main content (already escaped)
     */
    static String render(String toRoot, String title, List<Crumb> crumbs, String main, String footer) {
        StringBuilder html = new StringBuilder(main.length() + 2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Clausecam\">\n")
                .append("<title>").append(Html.escape(title)).append(" · Clausecam report</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(toRoot).append(STYLESHEET).append("\">\n")
                .append("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
                .append("<header class=\"site\">\n<a class=\"brand\" href=\"").append(toRoot).append("index.html\">Clausecam report</a>\n");
        if (!crumbs.isEmpty()) {
            html.append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>\n<li><a href=\"").append(toRoot).append("index.html\">All terms</a></li>\n");
            for (Crumb crumb : crumbs) {
                if (crumb.href() == null) {
                    html.append("<li aria-current=\"page\">").append(Html.escape(crumb.label())).append("</li>\n");
                } else {
                    html.append("<li><a href=\"").append(crumb.href()).append("\">").append(Html.escape(crumb.label())).append("</a></li>\n");
                }
            }
            html.append("</ol></nav>\n");
        }
        html.append("</header>\n<main id=\"main\">\n").append(main).append("</main>\n")
                .append("<footer class=\"site\">").append(footer).append("</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A date people read, with the exact instant for machines. */
    static String time(Instant instant) {
        if (instant == null) return "—";
        return "<time datetime=\"" + instant + "\">" + DAY_TIME.format(instant) + "</time>";
    }

    static String day(Instant instant) {
        if (instant == null) return "—";
        return "<time datetime=\"" + instant + "\">" + DAY.format(instant) + "</time>";
    }

    static String plainTime(Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant);
    }
}
