package org.clausecam.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the CSS attribute operators that Jsoup reads differently into Jsoup's regular-expression
 * form: {@code [a~=v]} (CSS: v is one of the whitespace-separated words; Jsoup: v is a regular
 * expression) and {@code [a|=v]} (CSS: v or v followed by a hyphen; Jsoup: unsupported).
 */
final class CssForJsoup {
    private static final Pattern WORD_OR_PREFIX = Pattern.compile(
            "\\[\\s*([\\w:-]+)\\s*([~|])=\\s*(?:\"([^\"\\[\\]\\\\']*)\"|'([^'\\[\\]\\\\\"]*)'|([\\w-]+))\\s*]");

    private CssForJsoup() {
    }

    static String adapt(String css) {
        if (css.indexOf("~=") < 0 && css.indexOf("|=") < 0) return css;
        Matcher m = WORD_OR_PREFIX.matcher(css);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
            String regex = m.group(2).equals("~")
                    ? (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) ? "(?!)" : "(^|\\s)" + Pattern.quote(value) + "(\\s|$)")
                    : "^" + Pattern.quote(value) + "(-|$)";
            m.appendReplacement(out, Matcher.quoteReplacement("[" + m.group(1) + "~=" + regex + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
