package org.clausecam.email;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images an e-mail carries inside its HTML as {@code data:} URLs. In the e-mail's Markdown such
 * an image would be its whole payload, tens or hundreds of kilobytes of base64 on one line of a
 * text people read, search and diff. The text keeps the image's place, its description and its
 * media type; the bytes are in the message itself ({@code message.eml}, kept byte for byte) and
 * in the screenshot.
 */
public final class EmbeddedImageData {

    /** A Markdown link target that is a {@code data:} URL: its media type and parameters, then the payload. */
    private static final Pattern DATA_TARGET = Pattern.compile("\\]\\(data:([^,)\\s]*),[^)\\s]*\\)");

    private EmbeddedImageData() {
    }

    /** The Markdown with every {@code data:} link target cut to {@code data:TYPE,…}. */
    public static String abbreviated(String markdown) {
        Matcher target = DATA_TARGET.matcher(markdown);
        StringBuilder out = new StringBuilder(markdown.length());
        while (target.find()) {
            target.appendReplacement(out, Matcher.quoteReplacement("](data:" + target.group(1) + ",…)"));
        }
        target.appendTail(out);
        return out.toString();
    }
}
