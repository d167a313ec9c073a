package org.clausecam.extract;

import org.clausecam.url.WebUrl;
import java.util.Optional;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * The clean-up Open Terms Archive applies to every page before remove/select: links made
 * absolute, {@code script}/{@code style} dropped, Cloudflare e-mail-protection links reduced to
 * a stable placeholder. Image sources are left as they are, as Open Terms Archive leaves them.
 */
final class PageCleaner {
    private PageCleaner() {
    }

    /** @param location the page's URL as a browser serialises it ({@link DocumentUrl}) */
    static void clean(Document document, String location) {
        String base = documentBaseUrl(document, location);
        makeLinksAbsolute(document, base, location);
        document.select("script, style").remove();
        cleanEmailProtectedLinks(document, base);
    }

    /** The document's base URL: its first {@code base[href]} resolved against the location, else the location. */
    static String documentBaseUrl(Document document, String location) {
        Element base = document.selectFirst("base[href]");
        if (base == null) return location;
        return WebUrl.resolve(base.attr("href"), location).orElse(location);
    }

    /** What a browser's {@code link.href} gives: the resolved URL, or the attribute as written when it does not parse. */
    static String href(Element link, String base) {
        String value = link.attr("href");
        return WebUrl.resolve(value, base).orElse(value);
    }

    private static void makeLinksAbsolute(Document document, String base, String location) {
        // a[href]:not([href^="#"]):not([href=""]), compared without trimming (Jsoup's
        // attribute selectors trim values; a lone space is a link to resolve)
        for (Element link : document.select("a[href]")) {
            String value = link.attr("href");
            if (!isHtml(link) || value.isEmpty() || value.startsWith("#")) continue;
            Optional<String> absolute = WebUrl.resolve(href(link, base), location);
            absolute.ifPresent(url -> link.attr("href", url));
        }
    }

    private static void cleanEmailProtectedLinks(Document document, String base) {
        for (Element link : document.select("a[href]")) {
            if (!isHtml(link) || link.parent() == null || !containsIgnoreCase(link.attr("href"), "/email-protection")) {
                continue; // jsdom's selector engine matches this attribute value case-insensitively
            }
            String href = href(link, base);
            int hash = href.indexOf('#');
            if (hash >= 0) href = href.substring(0, hash);
            Element replacement = new Element(Tag.valueOf("a"), "");
            for (Attribute attribute : link.attributes()) {
                replacement.attr(attribute.getKey(), attribute.getKey().equals("href") ? href : attribute.getValue());
            }
            replacement.appendText("[email\u00A0protected]");
            link.replaceWith(replacement);
        }
    }

    private static boolean containsIgnoreCase(String value, String part) {
        return value.toLowerCase(java.util.Locale.ROOT).contains(part);
    }

    private static boolean isHtml(Element element) {
        String ns = element.tag().namespace();
        return ns == null || ns.equals(Parser.NamespaceHtml);
    }
}
