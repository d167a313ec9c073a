package org.clausecam.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown of paragraphs of text, written as Accord Project's markdown-cicero 0.16.26
 * ({@code CiceroMarkTransformer.toMarkdown}, markdown-common's {@code ToMarkdownVisitor}) writes a
 * document of paragraphs of text nodes: each text node escaped on its own, the nodes of a
 * paragraph joined as they are, paragraphs separated by a blank line (an empty paragraph still
 * adds its blank line), the whole trimmed.
 */
final class CiceroMarkdown {
    private static final Pattern SPECIAL = Pattern.compile("[*`&>]");
    private static final Pattern HEADING = Pattern.compile("^(#+) ");
    private static final Pattern ORDERED_ITEM = Pattern.compile("^(\\d+)\\. ");
    private static final Pattern BULLET = Pattern.compile("^- ");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^_");

    private CiceroMarkdown() {
    }

    static String of(List<List<String>> paragraphs) {
        StringBuilder markdown = new StringBuilder();
        boolean first = true;
        for (List<String> paragraph : paragraphs) {
            if (!first) markdown.append("\n\n");
            first = false;
            for (String text : paragraph) markdown.append(escape(text));
        }
        return JsText.trim(markdown.toString());
    }

    /** markdown-common's {@code escapeText}; its anchored patterns apply to the start of the node only. */
    static String escape(String text) {
        String s = SPECIAL.matcher(text).replaceAll("\\\\$0");
        s = HEADING.matcher(s).replaceFirst("\\\\$1 ");
        s = ORDERED_ITEM.matcher(s).replaceFirst("$1\\\\. ");
        s = BULLET.matcher(s).replaceFirst("\\\\- ");
        return THEMATIC_BREAK.matcher(s).replaceFirst("\\\\_");
    }
}
