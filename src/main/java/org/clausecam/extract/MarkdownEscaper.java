package org.clausecam.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes Markdown syntax in one text node, with turndown's rules: characters that are
 * Markdown anywhere ({@code \ * ` [ ] _}) everywhere, and line-start syntax (list markers,
 * headings, quotes, ordered-list numbers) only at the start of the text node.
 */
final class MarkdownEscaper {
    private static final Pattern LEADING_EQUALS = Pattern.compile("^=+");
    private static final Pattern LEADING_HASHES = Pattern.compile("^#{1,6} ");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)\\. ");

    private MarkdownEscaper() {
    }

    static String escape(String text) {
        if (text.isEmpty()) return text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '*', '`', '[', ']', '_' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        String s = out.toString();
        if (s.startsWith("-")) s = "\\" + s;
        else if (s.startsWith("+ ")) s = "\\" + s;
        Matcher equals = LEADING_EQUALS.matcher(s);
        if (equals.find()) s = "\\" + s;
        if (LEADING_HASHES.matcher(s).find()) s = "\\" + s;
        if (s.startsWith("~~~")) s = "\\" + s;
        if (s.startsWith(">")) s = "\\" + s;
        Matcher number = LEADING_NUMBER.matcher(s);
        if (number.find()) s = number.group(1) + "\\. " + s.substring(number.end());
        return s;
    }
}
