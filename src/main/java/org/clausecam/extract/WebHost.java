package org.clausecam.extract;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Host parsing of the WHATWG URL Standard: domains to lower-case ASCII, IPv4 numbers normalised. */
final class WebHost {
    private WebHost() {
    }

    static String parseSpecial(String input) {
        if (input.startsWith("[")) {
            if (!input.endsWith("]")) throw new IllegalArgumentException("bad IPv6 host");
            return input.toLowerCase(Locale.ROOT);
        }
        String domain = percentDecode(input);
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad domain", e);
        }
        if (ascii.isEmpty()) throw new IllegalArgumentException("empty host");
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c <= 0x20 || c == '#' || c == '/' || c == ':' || c == '<' || c == '>' || c == '?' || c == '@'
                    || c == '[' || c == '\\' || c == ']' || c == '^' || c == '|' || c == '%' || c == 0x7F) {
                throw new IllegalArgumentException("forbidden host code point");
            }
        }
        String ipv4 = ipv4(ascii);
        return ipv4 != null ? ipv4 : ascii;
    }

    static String parseOpaque(String input) {
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == 0 || c == '\t' || c == '\n' || c == '\r' || c == ' ' || c == '#' || c == '/' || c == ':'
                    || c == '<' || c == '>' || c == '?' || c == '@' || c == '[' || c == '\\' || c == ']'
                    || c == '^' || c == '|') {
                throw new IllegalArgumentException("forbidden host code point");
            }
        }
        return WebUrl.encode(input, WebUrl::isC0Set);
    }

    /** The IPv4 serialisation when the host ends in a number, as the standard requires; else null. */
    private static String ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        int count = parts.length;
        if (count > 1 && parts[count - 1].isEmpty()) count--;
        String last = parts[count - 1];
        if (last.isEmpty()) return null;
        boolean numeric = last.chars().allMatch(c -> c >= '0' && c <= '9')
                || (last.matches("0[xX][0-9a-fA-F]*"));
        if (!numeric) return null;
        if (count > 4) throw new IllegalArgumentException("bad IPv4");
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            String p = parts[i];
            if (p.isEmpty()) throw new IllegalArgumentException("bad IPv4");
            try {
                if (p.startsWith("0x") || p.startsWith("0X")) numbers[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                else if (p.length() > 1 && p.startsWith("0")) numbers[i] = Long.parseLong(p.substring(1), 8);
                else numbers[i] = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad IPv4", e);
            }
        }
        for (int i = 0; i < count - 1; i++) if (numbers[i] > 255) throw new IllegalArgumentException("bad IPv4");
        if (numbers[count - 1] >= Math.pow(256, 5 - count)) throw new IllegalArgumentException("bad IPv4");
        long ipv4 = numbers[count - 1];
        for (int i = 0; i < count - 1; i++) ipv4 += numbers[i] << (8 * (3 - i));
        return ((ipv4 >> 24) & 255) + "." + ((ipv4 >> 16) & 255) + "." + ((ipv4 >> 8) & 255) + "." + (ipv4 & 255);
    }

    private static String percentDecode(String input) {
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

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
