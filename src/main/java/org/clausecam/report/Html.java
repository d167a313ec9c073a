package org.clausecam.report;

/** Escaping for text that comes from the store (service names, versions, URLs) into HTML. */
final class Html {

    private Html() {
    }

    /** Text safe inside an element or a double- or single-quoted attribute. */
    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * An external link when the URL is plain http(s); anything else (javascript:, data:, a
     * relative path) is shown as text only, because a report must not run or open what a store holds.
     */
    static String externalLink(String url) {
        if (url == null) return "";
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return "<a class=\"external\" href=\"" + escape(url) + "\">" + escape(url) + "</a>";
        }
        return escape(url);
    }
}
