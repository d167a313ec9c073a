package org.clausecam.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the encoding an HTML document declares in a {@code <meta>}, as Chromium's
 * {@code HTMLMetaCharsetParser} does: the bytes are tokenized as HTML (read as Latin-1), so that
 * a {@code <meta>} in a comment, a script, a style, a {@code <title>} or a {@code <textarea>}
 * does not count; the first {@code <meta>} with a known label wins; scanning stops once an
 * element that does not belong in a head was seen and {@value HtmlEncoding#META_SCAN_BYTES}
 * bytes were read.
 */
final class MetaCharsetScanner {

    /** Elements that leave the scanner in the head section (start or end tags). */
    private static final Set<String> HEAD_ELEMENTS = Set.of("script", "noscript", "style", "link", "meta", "object", "title", "base");
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "xmp", "iframe", "noembed", "noframes");
    private static final Set<String> ESCAPABLE_RAW_TEXT = Set.of("title", "textarea");

    private final byte[] in;
    private int pos;
    private boolean inHead = true;

    private MetaCharsetScanner(byte[] in) {
        this.in = in;
    }

    /** The encoding's name (the Encoding Standard's), or null when no meta declares a known one. */
    static String scan(byte[] content) {
        return new MetaCharsetScanner(content).run();
    }

    private String run() {
        while (pos < in.length) {
            if (in[pos] != '<') {
                int next = indexOf((byte) '<', pos);
                pos = next < 0 ? in.length : next;
            } else if (!markup()) {
                pos++; // a '<' that starts no markup is text
            }
            if (pos >= in.length) {
                break;
            }
            String found = declared;
            if (found != null) {
                return found;
            }
            if (!inHead && pos >= HtmlEncoding.META_SCAN_BYTES) {
                return null;
            }
        }
        return declared;
    }

    private String declared;

    /** Reads the markup at {@code pos} ('<'); false when it is not markup. */
    private boolean markup() {
        int next = pos + 1;
        if (next >= in.length) {
            return false;
        }
        byte c = in[next];
        if (c == '!') {
            if (startsWith(next + 1, "--")) {
                comment(next + 3);
            } else {
                pos = skipPast('>', next + 1);
            }
            return true;
        }
        if (c == '?') {
            pos = skipPast('>', next + 1);
            return true;
        }
        if (c == '/') {
            if (next + 1 < in.length && isAsciiAlpha(in[next + 1])) {
                pos = next + 1;
                String name = tagName();
                attributes();
                leaveHeadUnless(name, true);
            } else if (next + 1 < in.length && in[next + 1] == '>') {
                pos = next + 2;
            } else {
                pos = skipPast('>', next + 1);
            }
            return true;
        }
        if (isAsciiAlpha(c)) {
            pos = next;
            String name = tagName();
            List<String[]> attributes = attributes();
            if (name.equals("meta")) {
                declared = fromMeta(attributes);
            }
            leaveHeadUnless(name, false);
            if (RAW_TEXT.contains(name) || ESCAPABLE_RAW_TEXT.contains(name)) {
                skipRawText(name);
            } else if (name.equals("plaintext")) {
                pos = in.length;
            }
            return true;
        }
        return false;
    }

    /** {@code <!--} seen; {@code from} is just past it. {@code <!-->} and {@code <!--->} end at once. */
    private void comment(int from) {
        if (from < in.length && in[from] == '>') {
            pos = from + 1;
            return;
        }
        if (from + 1 < in.length && in[from] == '-' && in[from + 1] == '>') {
            pos = from + 2;
            return;
        }
        for (int i = from; i + 2 < in.length; i++) {
            if (in[i] == '-' && in[i + 1] == '-' && (in[i + 2] == '>' || (in[i + 2] == '!' && i + 3 < in.length && in[i + 3] == '>'))) {
                pos = i + (in[i + 2] == '>' ? 3 : 4);
                return;
            }
        }
        pos = in.length;
    }

    private void leaveHeadUnless(String name, boolean end) {
        if (HEAD_ELEMENTS.contains(name) || (!end && (name.equals("html") || name.equals("head")))) {
            return;
        }
        inHead = false;
    }

    private String tagName() {
        int start = pos;
        while (pos < in.length && !isSpace(in[pos]) && in[pos] != '/' && in[pos] != '>') {
            pos++;
        }
        return latin1(start, pos).toLowerCase(Locale.ROOT);
    }

    /** Attributes up to and past the tag's {@code >}; the first of a name wins, as in the tokenizer. */
    private List<String[]> attributes() {
        List<String[]> attributes = new ArrayList<>();
        while (pos < in.length) {
            while (pos < in.length && (isSpace(in[pos]) || in[pos] == '/')) {
                pos++;
            }
            if (pos >= in.length) {
                break;
            }
            if (in[pos] == '>') {
                pos++;
                break;
            }
            int start = pos++;
            while (pos < in.length && !isSpace(in[pos]) && in[pos] != '/' && in[pos] != '>' && in[pos] != '=') {
                pos++;
            }
            String name = latin1(start, pos).toLowerCase(Locale.ROOT);
            while (pos < in.length && isSpace(in[pos])) {
                pos++;
            }
            String value = "";
            if (pos < in.length && in[pos] == '=') {
                pos++;
                while (pos < in.length && isSpace(in[pos])) {
                    pos++;
                }
                if (pos < in.length && (in[pos] == '"' || in[pos] == '\'')) {
                    byte quote = in[pos++];
                    int end = indexOf(quote, pos);
                    end = end < 0 ? in.length : end;
                    value = latin1(pos, end);
                    pos = Math.min(in.length, end + 1);
                } else {
                    int valueStart = pos;
                    while (pos < in.length && !isSpace(in[pos]) && in[pos] != '>') {
                        pos++;
                    }
                    value = latin1(valueStart, pos);
                }
            }
            if (attributes.stream().noneMatch(a -> a[0].equals(name))) {
                attributes.add(new String[] {name, value});
            }
        }
        return attributes;
    }

    /** Past the text of a raw-text element, to its end tag. */
    private void skipRawText(String name) {
        for (int i = pos; i + 1 + name.length() < in.length; i++) {
            if (in[i] == '<' && in[i + 1] == '/' && regionMatchesIgnoreCase(i + 2, name)) {
                int after = i + 2 + name.length();
                if (after >= in.length || isSpace(in[after]) || in[after] == '/' || in[after] == '>') {
                    pos = i;
                    return;
                }
            }
        }
        pos = in.length;
    }

    /** Chromium's {@code EncodingFromMetaAttributes}: charset, or http-equiv content-type with a content charset. */
    private static String fromMeta(List<String[]> attributes) {
        boolean pragma = false;
        String mode = null;
        String charset = "";
        for (String[] a : attributes) {
            String value = a[1].strip();
            if (a[0].equals("http-equiv")) {
                if (value.equalsIgnoreCase("content-type")) {
                    pragma = true;
                }
            } else if (charset.isEmpty()) {
                if (a[0].equals("charset")) {
                    charset = value;
                    mode = "charset";
                } else if (a[0].equals("content")) {
                    charset = charsetInContent(value);
                    if (!charset.isEmpty()) {
                        mode = "pragma";
                    }
                }
            }
        }
        if ("charset".equals(mode) || ("pragma".equals(mode) && pragma)) {
            return HtmlEncoding.encodingForLabel(charset);
        }
        return null;
    }

    /** The HTML Standard's "extracting a character encoding from a meta element". */
    static String charsetInContent(String value) {
        int pos = 0;
        int length = value.length();
        String lower = value.toLowerCase(Locale.ROOT);
        while (pos < length) {
            pos = lower.indexOf("charset", pos);
            if (pos < 0) {
                break;
            }
            pos += 7;
            while (pos < length && value.charAt(pos) <= ' ') {
                pos++;
            }
            if (pos >= length || value.charAt(pos) != '=') {
                continue;
            }
            pos++;
            while (pos < length && value.charAt(pos) <= ' ') {
                pos++;
            }
            char quote = 0;
            if (pos < length && (value.charAt(pos) == '"' || value.charAt(pos) == '\'')) {
                quote = value.charAt(pos++);
            }
            if (pos >= length) {
                break;
            }
            int end = pos;
            while (end < length && (quote != 0 ? value.charAt(end) != quote
                    : value.charAt(end) > ' ' && value.charAt(end) != '"' && value.charAt(end) != '\'' && value.charAt(end) != ';')) {
                end++;
            }
            if (quote != 0 && end == length) {
                break;
            }
            return value.substring(pos, end);
        }
        return "";
    }

    private int skipPast(char c, int from) {
        int i = indexOf((byte) c, from);
        return i < 0 ? in.length : i + 1;
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < in.length; i++) {
            if (in[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(int at, String s) {
        if (at + s.length() > in.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (in[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean regionMatchesIgnoreCase(int at, String lowerName) {
        if (at + lowerName.length() > in.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length(); i++) {
            int c = in[at + i] & 0xff;
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String latin1(int from, int to) {
        return new String(in, from, Math.max(0, to - from), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isAsciiAlpha(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r';
    }
}
