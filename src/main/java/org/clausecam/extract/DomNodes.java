package org.clausecam.extract;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/** DOM vocabulary (node types, node names, textContent) over Jsoup nodes, as browsers define it. */
final class DomNodes {
    static final int ELEMENT = 1;
    static final int TEXT = 3;
    static final int OTHER = 8;

    private DomNodes() {
    }

    static int type(Node node) {
        if (node instanceof Element) return ELEMENT;
        if (node instanceof TextNode || node instanceof DataNode) return TEXT;
        return OTHER;
    }

    /** The DOM's nodeName: upper case for HTML elements, as written for SVG and MathML ones. */
    static String name(Node node) {
        if (node instanceof Element element) {
            String ns = element.tag().namespace();
            if (ns == null || ns.equals(Parser.NamespaceHtml)) return element.normalName().toUpperCase(java.util.Locale.ROOT);
            return element.tagName();
        }
        if (node instanceof CDataNode) return "#cdata-section";
        if (node instanceof TextNode || node instanceof DataNode) return "#text";
        return node.nodeName();
    }

    static boolean is(Node node, String upperName) {
        return node instanceof Element && name(node).equals(upperName);
    }

    static String data(Node node) {
        if (node instanceof TextNode text) return text.getWholeText();
        if (node instanceof DataNode data) return data.getWholeData();
        return "";
    }

    static void setData(Node node, String value) {
        if (node instanceof TextNode text) text.text(value);
        else if (node instanceof DataNode data) data.setWholeData(value);
    }

    static String textContent(Node node) {
        if (type(node) == TEXT) return data(node);
        StringBuilder out = new StringBuilder();
        appendText(node, out);
        return out.toString();
    }

    private static void appendText(Node node, StringBuilder out) {
        for (int i = 0; i < node.childNodeSize(); i++) {
            Node child = node.childNode(i);
            int type = type(child);
            if (type == TEXT) out.append(data(child));
            else if (type == ELEMENT) appendText(child, out);
        }
    }

    /** Whether textContent is only JS whitespace, without building it. */
    static boolean isBlankText(Node node) {
        if (type(node) == TEXT) return JsText.isBlank(data(node));
        for (int i = 0; i < node.childNodeSize(); i++) {
            Node child = node.childNode(i);
            int type = type(child);
            if (type == TEXT ? !JsText.isBlank(data(child)) : type == ELEMENT && !isBlankText(child)) return false;
        }
        return true;
    }

    /**
     * The start of textContent: at least {@code max} characters when there are that many, and
     * everything up to and including the first character that is not JS whitespace.
     */
    static String textStart(Node node, int max) {
        StringBuilder out = new StringBuilder();
        appendStart(node, out, max);
        return out.toString();
    }

    private static boolean appendStart(Node node, StringBuilder out, int max) {
        if (type(node) == TEXT) {
            String data = data(node);
            for (int i = 0; i < data.length(); i++) {
                char c = data.charAt(i);
                out.append(c);
                if (out.length() >= max && !JsText.isWhitespace(c)) return true;
            }
            return false;
        }
        for (int i = 0; i < node.childNodeSize(); i++) {
            Node child = node.childNode(i);
            int type = type(child);
            if ((type == TEXT || type == ELEMENT) && appendStart(child, out, max)) return true;
        }
        return false;
    }

    /** The end of textContent, mirror of {@link #textStart}. */
    static String textEnd(Node node, int max) {
        StringBuilder reversed = new StringBuilder();
        appendEnd(node, reversed, max);
        return reversed.reverse().toString();
    }

    private static boolean appendEnd(Node node, StringBuilder reversed, int max) {
        if (type(node) == TEXT) {
            String data = data(node);
            for (int i = data.length() - 1; i >= 0; i--) {
                char c = data.charAt(i);
                reversed.append(c);
                if (reversed.length() >= max && !JsText.isWhitespace(c)) return true;
            }
            return false;
        }
        for (int i = node.childNodeSize() - 1; i >= 0; i--) {
            Node child = node.childNode(i);
            int type = type(child);
            if ((type == TEXT || type == ELEMENT) && appendEnd(child, reversed, max)) return true;
        }
        return false;
    }

    /** Whether any descendant element has one of the given DOM names (getElementsByTagName). */
    static boolean hasDescendant(Node node, java.util.Set<String> upperNames) {
        for (int i = 0; i < node.childNodeSize(); i++) {
            Node child = node.childNode(i);
            if (child instanceof Element) {
                if (upperNames.contains(name(child)) || hasDescendant(child, upperNames)) return true;
            }
        }
        return false;
    }

    static String attr(Node node, String name) {
        if (!(node instanceof Element element) || !element.hasAttr(name)) return null;
        return element.attr(name);
    }
}
