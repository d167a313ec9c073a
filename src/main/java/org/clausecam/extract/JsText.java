package org.clausecam.extract;

/**
 * String operations with JavaScript's meaning, which the Markdown conventions we reproduce
 * were written in: JS {@code \s} and {@code trim()} know Unicode spaces that Java's
 * {@code \s} and {@code String.trim()} do not, and JS {@code ^}/{@code $} with the {@code m}
 * flag see different line terminators than Java's.
 */
final class JsText {
    private JsText() {
    }

    /** JavaScript's {@code \s}: WhiteSpace and LineTerminator of ECMAScript. */
    static boolean isWhitespace(char c) {
        switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029',
                    '\u202F', '\u205F', '\u3000', '\uFEFF' -> {
                return true;
            }
            default -> {
                return c >= '\u2000' && c <= '\u200A';
            }
        }
    }

    static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isWhitespace(s.charAt(i))) return false;
        }
        return true;
    }

    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) start++;
        while (end > start && isWhitespace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && isWhitespace(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }

    static String trimLeadingNewlines(String s) {
        int start = 0;
        while (start < s.length() && s.charAt(start) == '\n') start++;
        return s.substring(start);
    }

    static String trimTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') end--;
        return s.substring(0, end);
    }

    static String trimNewlines(String s) {
        return trimTrailingNewlines(trimLeadingNewlines(s));
    }

    /** {@code s.replace(/^/gm, prefix)}: the prefix at the start and after every JS line terminator. */
    static String prefixLines(String s, String prefix) {
        StringBuilder out = new StringBuilder(s.length() + prefix.length() * 8);
        out.append(prefix);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c);
            if (isLineTerminator(c)) out.append(prefix);
        }
        return out.toString();
    }

    /** {@code String(Number(s))} for the integers list numbering needs; anything else is {@code NaN}. */
    static String numberToString(String s, int add) {
        String t = trim(s);
        if (t.isEmpty()) return String.valueOf(add);
        try {
            double d = Double.parseDouble(t);
            if (t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) return "NaN";
            double v = d + add;
            if (v == Math.rint(v) && Math.abs(v) < 1e21) return String.valueOf((long) v);
            return String.valueOf(v);
        } catch (NumberFormatException e) {
            return "NaN";
        }
    }
}
