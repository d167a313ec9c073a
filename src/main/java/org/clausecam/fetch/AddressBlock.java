package org.clausecam.fetch;

import java.util.Arrays;
import org.clausecam.url.WebHost;

/** A CIDR block of IPv4 or IPv6 addresses, e.g. {@code 169.254.0.0/16} or {@code fe80::/10}. */
final class AddressBlock {
    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private AddressBlock(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Reads {@code address/length}; the address with the URL parser, never with
     * {@link java.net.InetAddress}, which turns {@code ::ffff:0:0} into an IPv4 address.
     */
    static AddressBlock parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("no prefix length in " + cidr);
        String address = cidr.substring(0, slash);
        WebHost host = WebHost.parseSpecial(address.contains(":") ? "[" + address + "]" : address);
        byte[] network;
        if (host instanceof WebHost.Ipv4 v4) network = v4.bytes();
        else if (host instanceof WebHost.Ipv6 v6) network = v6.bytes();
        else throw new IllegalArgumentException("not an address block: " + cidr);
        int length = Integer.parseInt(cidr.substring(slash + 1));
        if (length < 0 || length > network.length * 8) throw new IllegalArgumentException("bad prefix length in " + cidr);
        AddressBlock block = new AddressBlock(network, length, cidr);
        if (!Arrays.equals(block.first(), network)) throw new IllegalArgumentException("host bits set in " + cidr);
        return block;
    }

    int prefixLength() {
        return prefixLength;
    }

    boolean isIpv4() {
        return network.length == 4;
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) return false;
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) return true;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    byte[] first() {
        return withHostBits(false);
    }

    byte[] last() {
        return withHostBits(true);
    }

    private byte[] withHostBits(boolean set) {
        byte[] address = network.clone();
        for (int bit = prefixLength; bit < address.length * 8; bit++) {
            int mask = 0x80 >>> (bit % 8);
            address[bit / 8] = (byte) (set ? address[bit / 8] | mask : address[bit / 8] & ~mask);
        }
        return address;
    }

    @Override
    public String toString() {
        return text;
    }
}
