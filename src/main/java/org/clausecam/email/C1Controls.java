package org.clausecam.email;

import java.nio.charset.Charset;

/**
 * Header text decoded as ISO-8859-1 that is really windows-1252. Mailers label windows-1252
 * text "iso-8859-1" (Outlook's en dash, curly quotes and euro sign, bytes 0x80 to 0x9F), and
 * mime4j decodes encoded words labelled so as ISO-8859-1, giving C1 control characters that
 * show as nothing: "Terms – effective" would read "Terms  effective". Browsers and mail
 * clients read those bytes as windows-1252 (WHATWG Encoding), and so does {@link BodyText}
 * for bodies. C1 controls have no use in a subject, a name or a file name, so each is turned
 * back into its byte and read as windows-1252.
 */
final class C1Controls {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private C1Controls() { }

    /** The text with U+0080 to U+009F read as the windows-1252 bytes they were; the five bytes windows-1252 leaves undefined stay. */
    static String asWindows1252(String text) {
        if (text == null || text.chars().noneMatch(C1Controls::isC1)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isC1(c)) {
                String read = new String(new byte[] {(byte) c}, WINDOWS_1252);
                out.append(read.equals("\uFFFD") ? String.valueOf(c) : read);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isC1(int c) {
        return c >= 0x80 && c <= 0x9F;
    }
}
