package org.clausecam.url;

/**
 * The URL Standard's IPv6 parser and serialiser. Stricter than {@link java.net.InetAddress}:
 * no zone ids ({@code %eth0}), and an embedded IPv4 part only in plain dotted decimal.
 */
final class Ipv6HostParser {
    private Ipv6HostParser() {
    }

    /** @throws IllegalArgumentException when the standard says failure */
    static WebHost.Ipv6 parse(String input) {
        int[] address = new int[8];
        int pieceIndex = 0;
        int compress = -1;
        int pointer = 0;
        int length = input.length();
        if (at(input, 0) == ':') {
            if (at(input, 1) != ':') throw failure(input, "a leading single colon");
            pointer += 2;
            pieceIndex++;
            compress = pieceIndex;
        }
        while (pointer < length) {
            if (pieceIndex == 8) throw failure(input, "more than eight pieces");
            if (at(input, pointer) == ':') {
                if (compress >= 0) throw failure(input, "two '::'");
                pointer++;
                pieceIndex++;
                compress = pieceIndex;
                continue;
            }
            int value = 0;
            int digits = 0;
            while (digits < 4 && PercentEncoding.isHexDigit(at(input, pointer))) {
                value = value * 16 + Character.digit(at(input, pointer), 16);
                pointer++;
                digits++;
            }
            if (at(input, pointer) == '.') {
                if (digits == 0) throw failure(input, "an empty IPv4 part");
                pointer -= digits;
                if (pieceIndex > 6) throw failure(input, "no room for the IPv4 part");
                embeddedIpv4(input, pointer, address, pieceIndex);
                pieceIndex += 2;
                pointer = length;
                break;
            } else if (at(input, pointer) == ':') {
                pointer++;
                if (pointer >= length) throw failure(input, "a trailing single colon");
            } else if (pointer < length) {
                throw failure(input, "an unexpected '" + at(input, pointer) + "'");
            }
            address[pieceIndex] = value;
            pieceIndex++;
        }
        if (compress >= 0) {
            int swaps = pieceIndex - compress;
            pieceIndex = 7;
            while (pieceIndex != 0 && swaps > 0) {
                int swapped = address[pieceIndex];
                address[pieceIndex] = address[compress + swaps - 1];
                address[compress + swaps - 1] = swapped;
                pieceIndex--;
                swaps--;
            }
        } else if (pieceIndex != 8) {
            throw failure(input, "fewer than eight pieces and no '::'");
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | address[i];
            low = (low << 16) | address[4 + i];
        }
        return new WebHost.Ipv6(high, low);
    }

    /** Reads the dotted-decimal tail into pieces {@code pieceIndex} and {@code pieceIndex + 1}. */
    private static void embeddedIpv4(String input, int start, int[] address, int pieceIndex) {
        int pointer = start;
        int numbersSeen = 0;
        int piece = pieceIndex;
        while (pointer < input.length()) {
            if (numbersSeen > 0) {
                if (at(input, pointer) == '.' && numbersSeen < 4) pointer++;
                else throw failure(input, "a bad IPv4 part");
            }
            if (!isDigit(at(input, pointer))) throw failure(input, "a bad IPv4 part");
            int number = -1;
            while (isDigit(at(input, pointer))) {
                int digit = at(input, pointer) - '0';
                if (number == -1) number = digit;
                else if (number == 0) throw failure(input, "a leading zero in the IPv4 part");
                else number = number * 10 + digit;
                if (number > 255) throw failure(input, "an IPv4 part over 255");
                pointer++;
            }
            address[piece] = address[piece] * 0x100 + number;
            numbersSeen++;
            if (numbersSeen == 2 || numbersSeen == 4) piece++;
        }
        if (numbersSeen != 4) throw failure(input, "an IPv4 part with fewer than four numbers");
    }

    /** Lower-case hex pieces, the first longest run of two or more zero pieces as "::". */
    static String serialize(WebHost.Ipv6 address) {
        int[] pieces = new int[8];
        for (int i = 0; i < 4; i++) {
            pieces[i] = (int) (address.high() >>> (48 - 16 * i)) & 0xFFFF;
            pieces[4 + i] = (int) (address.low() >>> (48 - 16 * i)) & 0xFFFF;
        }
        int compress = -1;
        int longest = 1;
        for (int i = 0; i < 8; ) {
            int run = 0;
            while (i + run < 8 && pieces[i + run] == 0) run++;
            if (run > longest) {
                longest = run;
                compress = i;
            }
            i += Math.max(run, 1);
        }
        StringBuilder out = new StringBuilder();
        boolean ignore0 = false;
        for (int i = 0; i < 8; i++) {
            if (ignore0 && pieces[i] == 0) continue;
            ignore0 = false;
            if (compress == i) {
                out.append(i == 0 ? "::" : ":");
                ignore0 = true;
                continue;
            }
            out.append(Integer.toHexString(pieces[i]));
            if (i != 7) out.append(':');
        }
        return out.toString();
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException failure(String input, String what) {
        return new IllegalArgumentException("not an IPv6 address, " + what + ": [" + input + "]");
    }
}
