package org.clausecam.fetch;

import java.util.List;

/**
 * Where an IPv6 address carries an IPv4 address that the packets really go to (or come from),
 * so that the guard can judge the IPv4 address instead of the wrapper.
 */
enum Ipv4Embedding {
    /** Nothing embedded: the IPv6 block is judged as it is. */
    NONE,
    /** The last 32 bits: IPv4-mapped {@code ::ffff:a.b.c.d} and NAT64 {@code 64:ff9b::a.b.c.d} (RFC 6052). */
    LAST_32_BITS,
    /** 6to4 {@code 2002:AABB:CCDD::/48}: bits 16 to 47 are the site's IPv4 address (RFC 3056). */
    SIX_TO_FOUR,
    /**
     * Teredo {@code 2001:0:SSSS:SSSS:…:CCCC:CCCC}: bits 32 to 63 are the server's IPv4 address and
     * the last 32 bits the client's, inverted (RFC 4380 §4). Both are judged.
     */
    TEREDO;

    /** The IPv4 addresses (4 bytes each) embedded in a 16-byte IPv6 address. */
    List<byte[]> ipv4In(byte[] ipv6) {
        return switch (this) {
            case NONE -> List.of();
            case LAST_32_BITS -> List.of(slice(ipv6, 12, false));
            case SIX_TO_FOUR -> List.of(slice(ipv6, 2, false));
            case TEREDO -> List.of(slice(ipv6, 4, false), slice(ipv6, 12, true));
        };
    }

    private static byte[] slice(byte[] ipv6, int from, boolean inverted) {
        byte[] ipv4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            ipv4[i] = (byte) (inverted ? ~ipv6[from + i] : ipv6[from + i]);
        }
        return ipv4;
    }
}
