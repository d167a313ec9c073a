package org.clausecam.email;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/** Builds the page a browser screenshots for an e-mail: header block, body, inline parts resolved. */
final class EmailHtml {

    /** {@code cid:} URLs in attributes and CSS ({@code url(cid:…)}); RFC 2392 ids are URL-encoded. */
    private static final Pattern CID_URL = Pattern.compile("(?i)\\bcid:([^\\s\"'()<>]+)");

    /** Nothing from a network: only data: URLs and the routed inline parts; no scripts. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; "
            + "img-src data: " + EmailMessage.ROUTED_ORIGIN + "; "
            + "style-src 'unsafe-inline' data: " + EmailMessage.ROUTED_ORIGIN + "; "
            + "font-src data: " + EmailMessage.ROUTED_ORIGIN + "; "
            + "media-src data: " + EmailMessage.ROUTED_ORIGIN;

    private static final String PRE_STYLE = "white-space:pre-wrap;overflow-wrap:anywhere;margin:0;padding:16px;"
            + "font:14px/1.5 'DejaVu Sans Mono',ui-monospace,monospace;color:#111;background:#fff";

    // Inline styles with "all:initial" so that the e-mail's own CSS does not restyle the block.
    private static final String BLOCK_STYLE = "all:initial;display:block;box-sizing:border-box;margin:0;"
            + "padding:12px 16px;background:#f2f3f5;border-bottom:1px solid #c9ccd1;color:#1f2328;"
            + "font:14px/1.5 'DejaVu Sans',Arial,sans-serif";
    private static final String TABLE_STYLE = "all:initial;display:table;border-collapse:collapse;"
            + "font:14px/1.5 'DejaVu Sans',Arial,sans-serif;color:#1f2328";
    private static final String LABEL_STYLE = "all:initial;display:table-cell;padding:1px 14px 1px 0;"
            + "vertical-align:top;font:bold 14px/1.5 'DejaVu Sans',Arial,sans-serif;color:#57606a;white-space:nowrap";
    private static final String VALUE_STYLE = "all:initial;display:table-cell;padding:1px 0;vertical-align:top;"
            + "font:14px/1.5 'DejaVu Sans',Arial,sans-serif;color:#1f2328;overflow-wrap:anywhere";

    private EmailHtml() { }

    static String render(EmailMessage message, Function<InlinePart, String> urlForPart) {
        Document document = document(message, urlForPart);
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        return document.outerHtml();
    }

    private static Document document(EmailMessage message, Function<InlinePart, String> urlForPart) {
        Document document;
        if (message.html().isPresent()) {
            document = Jsoup.parse(resolveCids(message.html().get(), message.inlineParts(), urlForPart));
        } else {
            document = Jsoup.parse("<!DOCTYPE html><html><head></head><body style=\"margin:0\"></body></html>");
            document.body().append(preformatted(message.text().orElse("")));
        }
        resolveLocations(document, message.inlineParts(), urlForPart);
        Element head = document.head();
        head.select("meta[charset], meta[http-equiv]").stream()
                .filter(meta -> meta.hasAttr("charset") || meta.attr("http-equiv").equalsIgnoreCase("content-type"))
                .forEach(Element::remove);
        // The page is a Java string now, to be served as UTF-8: a stale declared charset would garble it.
        head.prependElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", CONTENT_SECURITY_POLICY);
        head.prependElement("meta").attr("charset", "utf-8");
        if (head.selectFirst("title") == null && !message.subject().isEmpty()) {
            head.appendElement("title").text(message.subject());
        }
        document.body().prependChild(headerBlock(message));
        for (EmailMessage attached : message.forwarded()) {
            document.body().appendChild(forwardedSection(attached, urlForPart));
        }
        return document;
    }

    private static final String SECTION_STYLE = "all:initial;display:block;margin-top:24px;border-top:4px solid #c9ccd1";
    private static final String CAPTION_STYLE = "all:initial;display:block;padding:8px 16px;background:#e4e6ea;"
            + "font:bold 13px/1.5 'DejaVu Sans',Arial,sans-serif;color:#57606a";

    /**
     * A message attached whole (a notice forwarded as an attachment), below the one that carries
     * it, as mail clients show it: a caption, its own header block, its body. It keeps its own
     * style sheets inside a declarative shadow root, which needs no script: the two messages'
     * CSS do not restyle each other.
     */
    private static Element forwardedSection(EmailMessage attached, Function<InlinePart, String> urlForPart) {
        Document inner = document(attached, urlForPart);
        Element section = new Element("div").attr("class", "clausecam-attached-message").attr("style", SECTION_STYLE);
        Element root = section.appendElement("template").attr("shadowrootmode", "open");
        root.appendElement("div").attr("style", CAPTION_STYLE).text("Attached message");
        for (Element style : inner.head().select("style")) {
            root.appendChild(style);
        }
        // Its body's own attributes (a background, margins) go with it onto the box that stands for that body.
        Element body = root.appendElement("div").attr("style", inner.body().attr("style"));
        for (org.jsoup.nodes.Node node : new ArrayList<>(inner.body().childNodes())) {
            body.appendChild(node);
        }
        return section;
    }

    /** Text as the body of a page: escaped, long lines wrapped, links left as text. */
    static String preformatted(String text) {
        return "<pre style=\"" + PRE_STYLE + "\">" + Entities.escape(text) + "</pre>";
    }

    private static String resolveCids(String html, Map<String, InlinePart> parts, Function<InlinePart, String> urlFor) {
        Matcher matcher = CID_URL.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (matcher.find()) {
            InlinePart part = parts.get(matcher.group(1));
            if (part == null) {
                part = parts.get(URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8));
            }
            // An unknown id stays a cid: URL: the browser cannot load it, as a mail client could not.
            String replacement = part == null ? matcher.group() : urlFor.apply(part);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Attributes that load a resource by URL in an e-mail's HTML. */
    private static final List<String> RESOURCE_ATTRIBUTES = List.of("src", "background", "poster");

    /**
     * RFC 2557: an HTML part may refer to a member of its multipart/related by the URL in the
     * member's Content-Location (Outlook, Word and MHTML writers do), not by {@code cid:}. Those
     * URLs would reach for the network (and be refused), so they point to the part instead. The
     * URL is matched as written, which is how senders write both.
     */
    private static void resolveLocations(Document document, Map<String, InlinePart> parts,
                                         Function<InlinePart, String> urlFor) {
        Map<String, InlinePart> byLocation = new java.util.HashMap<>();
        parts.values().stream().filter(part -> part.location() != null)
                .forEach(part -> byLocation.put(part.location(), part));
        if (byLocation.isEmpty()) {
            return;
        }
        for (String attribute : RESOURCE_ATTRIBUTES) {
            for (Element element : document.select("[" + attribute + "]")) {
                InlinePart part = byLocation.get(element.attr(attribute).strip());
                if (part != null) {
                    element.attr(attribute, urlFor.apply(part));
                }
            }
        }
    }

    private static Element headerBlock(EmailMessage message) {
        Element block = new Element("div").attr("id", "clausecam-email-headers").attr("style", BLOCK_STYLE);
        Element table = block.appendElement("table").attr("style", TABLE_STYLE);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"From", join(message.from())});
        rows.add(new String[] {"To", join(message.to())});
        if (!message.cc().isEmpty()) {
            rows.add(new String[] {"Cc", join(message.cc())});
        }
        rows.add(new String[] {"Date", message.dateHeader()
                .orElse(message.date().map(Object::toString).orElse(""))});
        rows.add(new String[] {"Subject", message.subject()});
        if (!message.attachments().isEmpty()) {
            rows.add(new String[] {"Attachments", message.attachments().stream()
                    .map(a -> (a.fileName().isEmpty() ? "(unnamed)" : a.fileName())
                            + " (" + a.mimeType() + ", " + readableSize(a.size()) + ")")
                    .collect(Collectors.joining("; "))});
        }
        for (String[] row : rows) {
            Element tr = table.appendElement("tr").attr("style", "all:initial;display:table-row");
            tr.appendElement("th").attr("style", LABEL_STYLE).attr("scope", "row").text(row[0]);
            tr.appendElement("td").attr("style", VALUE_STYLE).text(row[1]);
        }
        return block;
    }

    private static String join(List<EmailAddress> addresses) {
        return addresses.stream().map(EmailAddress::toString).collect(Collectors.joining(", "));
    }

    static String readableSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
