package org.clausecam.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** Turns the decoded bytes of a text part into a string, the way mail clients and browsers do. */
final class BodyText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private BodyText() { }

    /**
     * Decodes with the declared charset. As browsers do (WHATWG Encoding), ISO-8859-1 and
     * US-ASCII are read as windows-1252, their superset, since mailers often mislabel. With no
     * usable charset, the bytes are read as UTF-8 if they are valid UTF-8, else as windows-1252.
     */
    static String decode(byte[] bytes, String declaredCharset) {
        Charset charset = charsetFor(declaredCharset);
        if (charset == null) {
            charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = new String(bytes, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Charset charsetFor(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = declared.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819", "ibm819" -> {
                return WINDOWS_1252;
            }
            default -> {
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null; // an unknown label: guess from the bytes instead
                }
            }
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Undoes RFC 3676 format=flowed: a line ending in a space continues on the next line, and
     * a leading space added to protect a line ("space-stuffing") is removed.
     */
    static String unflow(String text, boolean deleteSpace) {
        String[] lines = text.split("\r\n|\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].startsWith(" ") ? lines[i].substring(1) : lines[i];
            boolean soft = line.endsWith(" ") && !line.equals("-- ") && i < lines.length - 1;
            if (soft) {
                out.append(deleteSpace ? line.substring(0, line.length() - 1) : line);
            } else {
                out.append(line);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
