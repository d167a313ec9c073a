package org.clausecam.extract;

import org.jsoup.nodes.Node;

/**
 * The whitespace an inline element carries at its edges into the Markdown (turndown's
 * flankingWhitespace): its leading and trailing whitespace, minus the ASCII part when a
 * neighbour already provides a space on that side.
 */
final class FlankingWhitespace {
    private FlankingWhitespace() {
    }

    /** {leading, trailing} for a non-block element. */
    static String[] of(Node node) {
        String start = DomNodes.textStart(node, 1);
        if (start.isEmpty() || !JsText.isWhitespace(start.charAt(0))) {
            // no leading whitespace: only the trailing edge matters
            String end = DomNodes.textEnd(node, 1);
            if (end.isEmpty() || !JsText.isWhitespace(end.charAt(end.length() - 1))) return new String[] {"", ""};
        }
        String text = DomNodes.textContent(node);
        int n = text.length();
        int asciiLead = 0;
        while (asciiLead < n && JsText.isAsciiWhitespace(text.charAt(asciiLead))) asciiLead++;
        int lead = asciiLead;
        while (lead < n && JsText.isWhitespace(text.charAt(lead))) lead++;
        String leading;
        String trailing;
        String leadingNonAscii = text.substring(asciiLead, lead);
        String trailingNonAscii = "";
        boolean trailingAscii;
        if (lead == n) {
            leading = text;
            trailing = "";
            trailingAscii = false;
        } else {
            leading = text.substring(0, lead);
            int end = n;
            while (end > 0 && JsText.isWhitespace(text.charAt(end - 1))) end--;
            int asciiTail = n;
            while (asciiTail > end && JsText.isAsciiWhitespace(text.charAt(asciiTail - 1))) asciiTail--;
            trailing = text.substring(end);
            trailingNonAscii = text.substring(end, asciiTail);
            trailingAscii = asciiTail < n;
        }
        if (asciiLead > 0 && isFlanked(node, true)) leading = leadingNonAscii;
        if (trailingAscii && isFlanked(node, false)) trailing = trailingNonAscii;
        return new String[] {leading, trailing};
    }

    private static boolean isFlanked(Node node, boolean left) {
        Node sibling = left ? node.previousSibling() : node.nextSibling();
        if (sibling == null) return false;
        int type = DomNodes.type(sibling);
        if (type == DomNodes.TEXT) {
            String data = DomNodes.data(sibling);
            return left ? data.endsWith(" ") : data.startsWith(" ");
        }
        if (type == DomNodes.ELEMENT && !MarkdownConverter.isBlock(DomNodes.name(sibling))) {
            return left ? DomNodes.textEnd(sibling, 1).endsWith(" ") : DomNodes.textStart(sibling, 1).startsWith(" ");
        }
        return false;
    }
}
