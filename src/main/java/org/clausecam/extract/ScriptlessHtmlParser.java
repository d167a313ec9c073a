package org.clausecam.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Parses a snapshot into the DOM that a standard HTML parser without scripting builds (Open Terms
 * Archive parses snapshots with jsdom, scripts off), where Jsoup departs from it:
 * <ul>
 *   <li>line breaks: CR LF and CR become LF before parsing;</li>
 *   <li>{@code <noscript>} in {@code <head>}: without scripting, the first token that does not
 *       belong in the head (an {@code <img>} tracking pixel, text) closes the noscript and
 *       starts the body, where the rest goes; Jsoup keeps it all in the noscript as text;</li>
 *   <li>a line feed right after {@code <textarea>} is dropped;</li>
 *   <li>NUL: a reference to it is U+FFFD; a NUL character in text is dropped, elsewhere U+FFFD;</li>
 *   <li>{@code <![CDATA[…]]>} outside SVG and MathML is a comment, not text;</li>
 *   <li>adjacent text nodes are merged, as the parser appends to the text before it;</li>
 *   <li>{@code <template>} content is not part of the document (it lives in the template's own
 *       fragment): selectors do not see it and it has no text, so it is dropped here.</li>
 * </ul>
 */
final class ScriptlessHtmlParser {
    private static final Set<String> NOSCRIPT_HEAD_TAGS = Set.of("link", "meta", "basefont", "bgsound", "style", "noframes");
    private static final int MAX_REPARSES = 20;
    private static final java.util.regex.Pattern NUL_REFERENCE = java.util.regex.Pattern.compile("&#(?:0+|[xX]0+);?");

    private ScriptlessHtmlParser() {
    }

    static Document parse(String html, String baseUri) {
        String source = html.indexOf('\r') >= 0 ? html.replace("\r\n", "\n").replace('\r', '\n') : html;
        source = NUL_REFERENCE.matcher(source).replaceAll("\uFFFD");
        Document document = Jsoup.parse(source, baseUri, Parser.htmlParser());
        if (hasHeadNoscriptText(document)) {
            // positions are needed to cut the source; tracking them slows parsing, so only now
            document = Jsoup.parse(source, baseUri, Parser.htmlParser().setTrackPosition(true));
        }
        for (int i = 0; i < MAX_REPARSES; i++) {
            int cut = headNoscriptCut(document, source);
            if (cut < 0) break;
            source = source.substring(0, cut) + "</noscript>" + source.substring(cut);
            document = Jsoup.parse(source, baseUri, Parser.htmlParser().setTrackPosition(true));
        }
        dropTextareaLeadingNewline(document);
        for (Element template : document.getElementsByTag("template")) template.empty();
        if (source.contains("<![CDATA[")) cdataInHtmlToComments(document);
        if (source.indexOf('\0') >= 0) replaceNulCharacters(document);
        AdjacentText.merge(document);
        return document;
    }

    private static boolean hasHeadNoscriptText(Document document) {
        for (Element noscript : document.head().getElementsByTag("noscript")) {
            if (noscript.childNodes().stream().anyMatch(n -> n instanceof TextNode t && !t.isBlank())) return true;
        }
        return false;
    }

    /** Where the first head noscript that holds non-head content must end, in the source; -1 if none. */
    private static int headNoscriptCut(Document document, String source) {
        for (Element noscript : document.head().getElementsByTag("noscript")) {
            boolean hasText = noscript.childNodes().stream()
                    .anyMatch(n -> n instanceof TextNode t && !t.isBlank());
            if (!hasText || !noscript.sourceRange().isTracked()) continue;
            int cut = firstNonHeadToken(source, noscript.sourceRange().endPos());
            if (cut >= 0) return cut;
        }
        return -1;
    }

    /** Scans noscript content as the "in head noscript" insertion mode does; the offset of the first token it rejects. */
    static int firstNonHeadToken(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f') {
                i++;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                if (end < 0) return -1;
                i = end + 3;
            } else if (c == '<') {
                int nameStart = i + 1;
                boolean endTag = nameStart < s.length() && s.charAt(nameStart) == '/';
                if (endTag) nameStart++;
                int nameEnd = nameStart;
                while (nameEnd < s.length() && Character.isLetterOrDigit(s.charAt(nameEnd))) nameEnd++;
                String name = s.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
                if (endTag) return name.equals("noscript") ? -1 : i;
                if (!NOSCRIPT_HEAD_TAGS.contains(name)) return i;
                int close = s.indexOf('>', nameEnd);
                if (close < 0) return -1;
                i = close + 1;
                if (name.equals("style") || name.equals("noframes")) {
                    int end = indexOfIgnoreCase(s, "</" + name, i);
                    if (end < 0) return -1;
                    int endClose = s.indexOf('>', end);
                    if (endClose < 0) return -1;
                    i = endClose + 1;
                }
            } else {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        for (int i = from; i + needle.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) return i;
        }
        return -1;
    }

    private static void replaceNulCharacters(Document document) {
        document.traverse((node, depth) -> {
            if (node instanceof Element element) {
                for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                    if (attribute.getValue().indexOf('\0') >= 0) attribute.setValue(attribute.getValue().replace('\0', '\uFFFD'));
                }
            } else if (node instanceof TextNode text && text.getWholeText().indexOf('\0') >= 0) {
                boolean rcdata = node.parent() instanceof Element p && (p.nameIs("textarea") || p.nameIs("title"));
                text.text(rcdata ? text.getWholeText().replace('\0', '\uFFFD') : text.getWholeText().replace("\0", ""));
            } else if (node instanceof org.jsoup.nodes.DataNode data && data.getWholeData().indexOf('\0') >= 0) {
                data.setWholeData(data.getWholeData().replace('\0', '\uFFFD'));
            }
        });
    }

    private static void cdataInHtmlToComments(Document document) {
        List<org.jsoup.nodes.CDataNode> found = new java.util.ArrayList<>();
        document.traverse((node, depth) -> {
            if (node instanceof org.jsoup.nodes.CDataNode cdata && node.parent() instanceof Element parent
                    && Parser.NamespaceHtml.equals(parent.tag().namespace())) {
                found.add(cdata);
            }
        });
        for (org.jsoup.nodes.CDataNode cdata : found) cdata.replaceWith(new org.jsoup.nodes.Comment("[CDATA[" + cdata.text() + "]]"));
    }

    private static void dropTextareaLeadingNewline(Document document) {
        for (Element textarea : document.getElementsByTag("textarea")) {
            Node first = textarea.firstChild();
            if (first instanceof TextNode text && text.getWholeText().startsWith("\n")) {
                text.text(text.getWholeText().substring(1));
                if (text.getWholeText().isEmpty()) text.remove();
            }
        }
    }
}
