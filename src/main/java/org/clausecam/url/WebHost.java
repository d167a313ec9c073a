package org.clausecam.url;

/**
 * A URL's host as the WHATWG URL Standard's host parser reads it: what a browser connects to.
 * {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1} and {@code 2130706433} are all the IPv4
 * address 127.0.0.1 here (and to Chromium), while {@link java.net.URI} and
 * {@link java.net.InetAddress} read some of them as another address or as a name to look up.
 */
public sealed interface WebHost permits WebHost.Domain, WebHost.Ipv4, WebHost.Ipv6, WebHost.Opaque {

    /** The host as the URL Standard serialises it: dotted decimal, bracketed compressed IPv6, ASCII domain. */
    String serialized();

    /**
     * A domain name, lower-case ASCII (Punycode for international names); to be resolved by DNS.
     * Empty only in {@code file:} URLs, whose host may be empty.
     */
    record Domain(String name) implements WebHost {
        @Override
        public String serialized() {
            return name;
        }
    }

    /** An IPv4 address; the int holds its 32 bits. */
    record Ipv4(int address) implements WebHost {
        public byte[] bytes() {
            return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        }

        @Override
        public String serialized() {
            return (address >>> 24) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "." + (address & 255);
        }
    }

    /** An IPv6 address: its 128 bits as two longs, most significant first. */
    record Ipv6(long high, long low) implements WebHost {
        public byte[] bytes() {
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (high >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
            }
            return bytes;
        }

        @Override
        public String serialized() {
            return "[" + Ipv6HostParser.serialize(this) + "]";
        }
    }

    /** The host of a non-special URL ({@code foo://h/}), kept as written, percent-encoded. */
    record Opaque(String value) implements WebHost {
        @Override
        public String serialized() {
            return value;
        }
    }

    /**
     * The host parser for special schemes (http, https, ws, wss, ftp, file).
     *
     * @throws IllegalArgumentException when the standard says failure
     */
    static WebHost parseSpecial(String input) {
        if (input.startsWith("[")) {
            if (!input.endsWith("]")) throw new IllegalArgumentException("unclosed IPv6 host: " + input);
            return Ipv6HostParser.parse(input.substring(1, input.length() - 1));
        }
        String ascii = DomainToAscii.convert(PercentEncoding.decode(input));
        if (ascii.isEmpty()) throw new IllegalArgumentException("empty host");
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c <= 0x20 || c == '#' || c == '/' || c == ':' || c == '<' || c == '>' || c == '?' || c == '@'
                    || c == '[' || c == '\\' || c == ']' || c == '^' || c == '|' || c == '%' || c == 0x7F) {
                throw new IllegalArgumentException("forbidden host code point in " + input);
            }
        }
        if (Ipv4HostParser.endsInANumber(ascii)) return Ipv4HostParser.parse(ascii);
        return new Domain(ascii);
    }

    /**
     * The opaque-host parser for other schemes.
     *
     * @throws IllegalArgumentException when the standard says failure
     */
    static WebHost parseOpaque(String input) {
        if (input.startsWith("[")) {
            if (!input.endsWith("]")) throw new IllegalArgumentException("unclosed IPv6 host: " + input);
            return Ipv6HostParser.parse(input.substring(1, input.length() - 1));
        }
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == 0 || c == '\t' || c == '\n' || c == '\r' || c == ' ' || c == '#' || c == '/' || c == ':'
                    || c == '<' || c == '>' || c == '?' || c == '@' || c == '[' || c == '\\' || c == ']'
                    || c == '^' || c == '|') {
                throw new IllegalArgumentException("forbidden host code point in " + input);
            }
        }
        return new Opaque(PercentEncoding.encode(input, PercentEncoding::isC0Set));
    }
}
