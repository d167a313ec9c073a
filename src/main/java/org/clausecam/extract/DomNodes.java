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
