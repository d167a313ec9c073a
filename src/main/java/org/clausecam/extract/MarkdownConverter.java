package org.clausecam.extract;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Tag;

/**
 * Converts HTML to Markdown in the conventions of turndown (default options) with the
 * joplin-turndown-plugin-gfm rules and Open Terms Archive's link rule (link text trimmed), so
 * that versions come out byte for byte as Open Terms Archive records them: setext headings for
 * h1/h2, {@code *   } bullets, {@code _em_}, {@code **strong**}, {@code * * *}, indented code,
 * GFM tables, {@code ~strike~}, task list items.
 *
 * <p>The input nodes are cloned; the caller's DOM is left untouched.
 */
public final class MarkdownConverter {
    private static final Set<String> BLOCK = Set.of("ADDRESS", "ARTICLE", "ASIDE", "AUDIO", "BLOCKQUOTE", "BODY",
            "CANVAS", "CENTER", "DD", "DIR", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM",
            "FRAMESET", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP", "HR", "HTML", "ISINDEX", "LI", "MAIN",
            "MENU", "NAV", "NOFRAMES", "NOSCRIPT", "OL", "OUTPUT", "P", "PRE", "SECTION", "TABLE", "TBODY", "TD",
            "TFOOT", "TH", "THEAD", "TR", "UL");
    private static final Set<String> VOID = Set.of("AREA", "BASE", "BR", "COL", "COMMAND", "EMBED", "HR", "IMG",
            "INPUT", "KEYGEN", "LINK", "META", "PARAM", "SOURCE", "TRACK", "WBR");
    private static final Set<String> MEANINGFUL_WHEN_BLANK = Set.of("A", "TABLE", "THEAD", "TBODY", "TFOOT", "TH",
            "TD", "IFRAME", "SCRIPT", "AUDIO", "VIDEO");
    // elements whose DOM `type` property reflects the attribute as written
    private static final Set<String> REFLECTED_TYPE = Set.of("UL", "OL", "LI", "A", "LINK", "SCRIPT", "STYLE", "SOURCE",
            "EMBED", "OBJECT");
    private static final java.util.regex.Pattern HIGHLIGHT = java.util.regex.Pattern.compile("highlight-(?:text|source)-([a-z0-9]+)");
    private static final java.util.regex.Pattern CLEAN_ATTRIBUTE = java.util.regex.Pattern.compile(
            "(\\n+[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]*)+");
    private static final java.util.regex.Pattern CODE_EXTRA_SPACE = java.util.regex.Pattern.compile("^`|^ .*?[^ ].* $|`$");

    static boolean isBlock(String name) {
        return BLOCK.contains(name);
    }

    static boolean isVoid(String name) {
        return VOID.contains(name);
    }

    /** Converts the given nodes, as the children of one document fragment. */
    public String convert(List<? extends Node> fragment) {
        List<Node> clones = new java.util.ArrayList<>();
        for (Node node : fragment) clones.add(node.clone());
        return convertOwned(clones);
    }

    /** Converts nodes the caller hands over (detached clones): they are changed and moved. */
    String convertOwned(List<Node> fragment) {
        Element root = new Element(Tag.valueOf("clausecam-fragment"), "");
        for (Node node : fragment) root.appendChild(node);
        WhitespaceCollapser.collapse(root);
        return postProcess(process(root));
    }

    public String convert(Node node) {
        return convert(List.of(node));
    }

    private static String postProcess(String output) {
        int start = 0;
        while (start < output.length() && (output.charAt(start) == '\t' || output.charAt(start) == '\r' || output.charAt(start) == '\n')) start++;
        return JsText.trimEnd(output.substring(start));
    }

    private String process(Node parent) {
        StringBuilder output = new StringBuilder();
        for (int i = 0; i < parent.childNodeSize(); i++) {
            Node node = parent.childNode(i);
            int type = DomNodes.type(node);
            String replacement = "";
            if (type == DomNodes.TEXT) {
                replacement = isCode(node) ? DomNodes.data(node) : MarkdownEscaper.escape(DomNodes.data(node));
            } else if (type == DomNodes.ELEMENT) {
                replacement = replacementForNode((Element) node);
            }
            join(output, replacement);
        }
        return output.toString();
    }

    /** Appends with turndown's separator: the larger of the two newline runs at the seam, at most two. */
    private static void join(StringBuilder output, String replacement) {
        int end = output.length();
        while (end > 0 && output.charAt(end - 1) == '\n') end--;
        int trailing = output.length() - end;
        int start = 0;
        while (start < replacement.length() && replacement.charAt(start) == '\n') start++;
        int newlines = Math.min(2, Math.max(trailing, start));
        output.setLength(end);
        for (int i = 0; i < newlines; i++) output.append('\n');
        output.append(replacement, start, replacement.length());
    }

    private String replacementForNode(Element node) {
        String name = DomNodes.name(node);
        boolean block = isBlock(name);
        String content = process(node);
        String leading = "";
        String trailing = "";
        if (!block) {
            String[] edges = FlankingWhitespace.of(node);
            leading = edges[0];
            trailing = edges[1];
        }
        if (!leading.isEmpty() || !trailing.isEmpty()) content = JsText.trim(content);
        return leading + replace(content, node, name, block) + trailing;
    }

    private String replace(String content, Element node, String name, boolean block) {
        if (isBlank(node, name)) return block ? "\n\n" : "";
        if (isTaskListCheckbox(node, name)) return (name.equals("INPUT") && node.hasAttr("checked") ? "[x]" : "[ ]") + " ";
        String href;
        // rules listing tag names match any namespace, case-insensitively; the others test
        // the DOM name, upper case for HTML elements only
        switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "A":
                href = node.attr("href");
                if (name.equals("A") && !href.isEmpty()) return link(JsText.trim(content), node, href);
                break;
            case "THEAD", "TBODY", "TFOOT":
                return content;
            case "TABLE":
                if (name.equals("TABLE")) return GfmTables.table(content, node);
                break;
            case "TR":
                return GfmTables.row(content, node);
            case "TH", "TD":
                return GfmTables.cell(content, node);
            case "DEL", "S", "STRIKE":
                return "~" + content + "~";
            case "DIV":
                if (name.equals("DIV") && HIGHLIGHT.matcher(node.className()).find() && DomNodes.is(node.firstChild(), "PRE")) {
                    java.util.regex.Matcher m = HIGHLIGHT.matcher(node.className());
                    m.find();
                    return "\n\n```" + m.group(1) + "\n" + DomNodes.textContent(node.firstChild()) + "\n```\n\n";
                }
                break;
            case "P":
                return "\n\n" + content + "\n\n";
            case "BR":
                return "  \n";
            case "H1", "H2":
                return "\n\n" + content + "\n" + (name.equalsIgnoreCase("H1") ? "=" : "-").repeat(content.length()) + "\n\n";
            case "H3", "H4", "H5", "H6":
                return "\n\n" + "#".repeat(name.charAt(1) - '0') + " " + content + "\n\n";
            case "BLOCKQUOTE":
                return "\n\n" + JsText.prefixLines(JsText.trimNewlines(content), "> ") + "\n\n";
            case "UL", "OL":
                Node parent = node.parent();
                if (DomNodes.is(parent, "LI") && ((Element) parent).lastElementChild() == node) return "\n" + content;
                return "\n\n" + content + "\n\n";
            case "LI":
                return listItem(content, node);
            case "PRE":
                if (name.equals("PRE") && DomNodes.is(node.firstChild(), "CODE")) {
                    return "\n\n    " + DomNodes.textContent(node.firstChild()).replace("\n", "\n    ") + "\n\n";
                }
                break;
            case "HR":
                return "\n\n* * *\n\n";
            case "EM", "I":
                return JsText.isBlank(content) ? "" : "_" + content + "_";
            case "STRONG", "B":
                return JsText.isBlank(content) ? "" : "**" + content + "**";
            case "CODE":
                boolean hasSiblings = node.previousSibling() != null || node.nextSibling() != null;
                if (name.equals("CODE") && !(DomNodes.is(node.parent(), "PRE") && !hasSiblings)) return code(content);
                break;
            case "IMG":
                return image(node);
            default:
                break;
        }
        return block ? "\n\n" + content + "\n\n" : content;
    }

    /** The GFM task-list rule: {@code node.type === 'checkbox'} in a list item, whatever element has that type. */
    private static boolean isTaskListCheckbox(Element node, String name) {
        if (!DomNodes.is(node.parent(), "LI") || !node.hasAttr("type")) return false;
        if (name.equals("A") && !node.attr("href").isEmpty()) return false; // the link rule comes first
        String type = node.attr("type");
        if (name.equals("INPUT")) return type.equalsIgnoreCase("checkbox");
        return REFLECTED_TYPE.contains(name) && type.equals("checkbox");
    }

    private static String link(String content, Element node, String href) {
        String title = escapeLinkTitle(cleanAttribute(DomNodes.attr(node, "title")));
        return "[" + content + "](" + escapeLinkDestination(href) + (title.isEmpty() ? "" : " \"" + title + "\"") + ")";
    }

    private static String image(Element node) {
        String alt = MarkdownEscaper.escape(cleanAttribute(DomNodes.attr(node, "alt")));
        String src = escapeLinkDestination(node.hasAttr("src") ? node.attr("src") : "");
        String title = cleanAttribute(DomNodes.attr(node, "title"));
        String titlePart = title.isEmpty() ? "" : " \"" + escapeLinkTitle(title) + "\"";
        return src.isEmpty() ? "" : "![" + alt + "](" + src + titlePart + ")";
    }

    private static String cleanAttribute(String value) {
        if (value == null || value.isEmpty()) return "";
        return CLEAN_ATTRIBUTE.matcher(value).replaceAll("\n");
    }

    private static String escapeLinkDestination(String destination) {
        String escaped = destination.replaceAll("([<>()])", "\\\\$1");
        return escaped.indexOf(' ') >= 0 ? "<" + escaped + ">" : escaped;
    }

    private static String escapeLinkTitle(String title) {
        return title.replace("\"", "\\\"");
    }

    private static String listItem(String content, Element node) {
        String prefix = "*   ";
        Node parent = node.parent();
        if (DomNodes.is(parent, "OL")) {
            Element list = (Element) parent;
            int index = list.children().indexOf(node);
            String start = DomNodes.attr(list, "start");
            prefix = (start != null && !start.isEmpty() ? JsText.numberToString(start, index) : String.valueOf(index + 1)) + ".  ";
        }
        boolean paragraph = content.endsWith("\n");
        content = JsText.trimNewlines(content) + (paragraph ? "\n" : "");
        content = content.replace("\n", "\n" + " ".repeat(prefix.length()));
        return prefix + content + (node.nextSibling() != null ? "\n" : "");
    }

    private static String code(String content) {
        if (content.isEmpty()) return "";
        content = content.replaceAll("\\r?\\n|\\r", " ");
        String extraSpace = CODE_EXTRA_SPACE.matcher(content).find() ? " " : "";
        java.util.Set<Integer> runs = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`+").matcher(content);
        while (m.find()) runs.add(m.group().length());
        int delimiter = 1;
        while (runs.contains(delimiter)) delimiter++;
        String fence = "`".repeat(delimiter);
        return fence + extraSpace + content + extraSpace + fence;
    }

    private static boolean isCode(Node node) {
        for (Node n = node; n != null; n = n.parent()) {
            if (n instanceof Element && DomNodes.name(n).equals("CODE")) return true;
        }
        return false;
    }

    private static boolean isBlank(Element node, String name) {
        return !VOID.contains(name)
                && !MEANINGFUL_WHEN_BLANK.contains(name)
                && DomNodes.isBlankText(node)
                && !DomNodes.hasDescendant(node, VOID)
                && !DomNodes.hasDescendant(node, MEANINGFUL_WHEN_BLANK);
    }
}
