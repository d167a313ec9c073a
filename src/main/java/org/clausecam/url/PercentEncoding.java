package org.clausecam.url;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The URL Standard's percent-encode sets, UTF-8 percent-encoding and percent-decoding. */
final class PercentEncoding {
    private PercentEncoding() {
    }

    /** Which code points a URL component must percent-encode. */
    @FunctionalInterface
    interface EncodeSet {
        boolean contains(int c);
    }

    static boolean isC0Set(int c) {
        return c <= 0x1F || c > 0x7E;
    }

    static boolean isFragmentSet(int c) {
        return isC0Set(c) || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`';
    }

    static boolean isQuerySet(int c) {
        return isC0Set(c) || c == ' ' || c == '"' || c == '#' || c == '<' || c == '>';
    }

    static boolean isSpecialQuerySet(int c) {
        return isQuerySet(c) || c == '\'';
    }

    static boolean isPathSet(int c) {
        return isQuerySet(c) || c == '?' || c == '`' || c == '{' || c == '}' || c == '^';
    }

    static boolean isUserinfoSet(int c) {
        return isPathSet(c) || c == '/' || c == ':' || c == ';' || c == '=' || c == '@' || c == '['
                || c == '\\' || c == ']' || c == '|';
    }

    static String encode(String s, EncodeSet set) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && !set.contains(c)) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16);
                out.append(s, 0, i);
            }
            if (c < 0x80) {
                appendByte(out, c);
                continue;
            }
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
            } else {
                cp = c;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) appendByte(out, b & 0xFF);
        }
        return out == null ? s : out.toString();
    }

    static void appendByte(StringBuilder out, int b) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }

    /** Percent-decodes to bytes and reads them as UTF-8, as the host parser does before IDNA. */
    static String decode(String input) {
        if (input.indexOf('%') < 0) return input;
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
