package org.clausecam.extract;

import org.jsoup.nodes.Node;

/**
 * Collapses HTML whitespace the way turndown does before converting: runs of ASCII whitespace
 * become one space, spaces at block boundaries and after a space go, and text that ends up
 * empty is removed. Whitespace inside {@code pre} is kept. Works in place.
 */
final class WhitespaceCollapser {
    private WhitespaceCollapser() {
    }

    static void collapse(Node root) {
        if (root.childNodeSize() == 0 || isPre(root)) return;

        Node prevText = null;
        boolean keepLeadingWs = false;
        Node prev = null;
        Node node = next(null, root);

        while (node != root) {
            int type = DomNodes.type(node);
            if (type == DomNodes.TEXT) {
                String text = collapseRuns(DomNodes.data(node));
                if ((prevText == null || DomNodes.data(prevText).endsWith(" "))
                        && !keepLeadingWs && !text.isEmpty() && text.charAt(0) == ' ') {
                    text = text.substring(1);
                }
                if (text.isEmpty()) {
                    node = remove(node);
                    continue;
                }
                DomNodes.setData(node, text);
                prevText = node;
            } else if (type == DomNodes.ELEMENT) {
                String name = DomNodes.name(node);
                if (MarkdownConverter.isBlock(name) || name.equals("BR")) {
                    if (prevText != null) DomNodes.setData(prevText, dropTrailingSpace(DomNodes.data(prevText)));
                    prevText = null;
                    keepLeadingWs = false;
                } else if (MarkdownConverter.isVoid(name) || name.equals("PRE")) {
                    // spaces around inline void elements (img) and inline pre are meaningful
                    prevText = null;
                    keepLeadingWs = true;
                } else if (prevText != null) {
                    keepLeadingWs = false;
                }
            } else {
                node = remove(node);
                continue;
            }
            Node nextNode = next(prev, node);
            prev = node;
            node = nextNode;
        }

        if (prevText != null) {
            String data = dropTrailingSpace(DomNodes.data(prevText));
            DomNodes.setData(prevText, data);
            if (data.isEmpty()) prevText.remove();
        }
    }

    private static boolean isPre(Node node) {
        return DomNodes.is(node, "PRE");
    }

    private static String collapseRuns(String data) {
        StringBuilder out = null;
        int n = data.length();
        for (int i = 0; i < n; i++) {
            char c = data.charAt(i);
            if (JsText.isAsciiWhitespace(c)) {
                int j = i;
                while (j < n && JsText.isAsciiWhitespace(data.charAt(j))) j++;
                if (out == null && (j - i > 1 || c != ' ')) {
                    out = new StringBuilder(n);
                    out.append(data, 0, i);
                }
                if (out != null) out.append(' ');
                i = j - 1;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? data : out.toString();
    }

    private static String dropTrailingSpace(String data) {
        return data.endsWith(" ") ? data.substring(0, data.length() - 1) : data;
    }

    private static Node remove(Node node) {
        Node next = node.nextSibling() != null ? node.nextSibling() : node.parent();
        node.remove();
        return next;
    }

    private static Node next(Node prev, Node current) {
        if ((prev != null && prev.parent() == current) || isPre(current)) {
            return current.nextSibling() != null ? current.nextSibling() : current.parent();
        }
        if (current.childNodeSize() > 0) return current.childNode(0);
        return current.nextSibling() != null ? current.nextSibling() : current.parent();
    }
}
