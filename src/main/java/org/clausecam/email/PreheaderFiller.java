package org.clausecam.email;

import java.util.regex.Pattern;

/**
 * The invisible filler that e-mail service providers put after a hidden preheader (the line an
 * inbox shows after the subject) so that no body text leaks into that preview: runs such as
 * {@code &#847; &zwnj; &nbsp;} or {@code &#8199;&#65279;} repeated dozens of times. The screenshot
 * does not show it, but in the e-mail's text it is a line of junk that makes every diff noisy.
 *
 * <p>Only runs holding at least two zero-width characters apart from spacing are filler: a single
 * zero-width non-joiner inside a word (Persian writes them) or a soft hyphen is text.
 */
public final class PreheaderFiller {

    private static final String INVISIBLE = "\\u034F\\u200B-\\u200D\\u2060\\uFEFF\\u00AD";
    private static final String SPACING = " \\u00A0\\u2007";

    private static final Pattern RUN = Pattern.compile(
            "[" + INVISIBLE + SPACING + "]*[" + INVISIBLE + "][" + SPACING + "]*[" + INVISIBLE + "]["
                    + INVISIBLE + SPACING + "]*");

    private PreheaderFiller() { }

    /** The text without filler runs: one at a line's end goes, one inside a line becomes a space. */
    public static String strip(String text) {
        java.util.regex.Matcher run = RUN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (run.find()) {
            boolean atLineEnd = run.end() == text.length() || text.charAt(run.end()) == '\n'
                    || text.charAt(run.end()) == '\r';
            boolean atLineStart = run.start() == 0 || text.charAt(run.start() - 1) == '\n';
            run.appendReplacement(out, atLineEnd || atLineStart ? "" : " ");
        }
        run.appendTail(out);
        return out.toString();
    }
}
