package org.clausecam.extract;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Merges adjacent text nodes. The HTML standard's parser appends characters to the text node
 * before them, even across tags it ignores (a stray {@code <tr>} in a paragraph); Jsoup starts a
 * new node there. Markdown conversion escapes line-start syntax per text node, so the split
 * would show.
 */
final class AdjacentText {
    private AdjacentText() {
    }

    static void merge(Node root) {
        for (int i = 0; i < root.childNodeSize(); i++) {
            Node child = root.childNode(i);
            if (isPlainText(child)) {
                Node next;
                while ((next = child.nextSibling()) != null && isPlainText(next)) {
                    TextNode text = (TextNode) child;
                    text.text(text.getWholeText() + ((TextNode) next).getWholeText());
                    next.remove();
                }
            } else if (child.childNodeSize() > 0) {
                merge(child);
            }
        }
    }

    private static boolean isPlainText(Node node) {
        return node instanceof TextNode && !(node instanceof CDataNode);
    }
}
