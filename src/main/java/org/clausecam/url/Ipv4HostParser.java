package org.clausecam.url;

/**
 * The URL Standard's IPv4 parser: one to four parts, each decimal, octal (leading 0) or
 * hexadecimal (0x), the last one filling the remaining bytes. This is the reading that browsers
 * give {@code 0177.0.0.1} (127.0.0.1), and not the one {@link java.net.InetAddress} gives it.
 */
final class Ipv4HostParser {
    private Ipv4HostParser() {
    }

    /** Whether the host must be read as IPv4 (and fail if it is not a valid one). */
    static boolean endsInANumber(String host) {
        String[] parts = host.split("\\.", -1);
        int count = parts.length;
        if (parts[count - 1].isEmpty()) {
            if (count == 1) return false;
            count--;
        }
        String last = parts[count - 1];
        if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) return true;
        return number(last) >= 0;
    }

    /** @throws IllegalArgumentException when the standard says failure */
    static WebHost.Ipv4 parse(String host) {
        String[] parts = host.split("\\.", -1);
        int count = parts.length;
        if (count > 1 && parts[count - 1].isEmpty()) count--;
        if (count > 4) throw new IllegalArgumentException("more than four parts in IPv4 host " + host);
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = number(parts[i]);
            if (numbers[i] < 0) throw new IllegalArgumentException("not an IPv4 number: '" + parts[i] + "' in " + host);
        }
        for (int i = 0; i < count - 1; i++) {
            if (numbers[i] > 255) throw new IllegalArgumentException("IPv4 part over 255 in " + host);
        }
        if (numbers[count - 1] >= 1L << (8 * (5 - count))) {
            throw new IllegalArgumentException("IPv4 address out of range: " + host);
        }
        long address = numbers[count - 1];
        for (int i = 0; i < count - 1; i++) address += numbers[i] << (8 * (3 - i));
        return new WebHost.Ipv4((int) address);
    }

    /** The value of one part, or -1 when it is not a number; values beyond 2^32 are capped there. */
    private static long number(String part) {
        if (part.isEmpty()) return -1;
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) return 0;
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0 || digits.charAt(i) > 0x7F) return -1;
            // Past 2^32 the part is out of range whatever follows; capping keeps the long from overflowing.
            value = Math.min(value * radix + digit, 1L << 32);
        }
        return value;
    }
}
