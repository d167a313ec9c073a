package org.clausecam.fetch;

import static org.clausecam.fetch.SpecialPurposeBlock.byEmbeddedIpv4;
import static org.clausecam.fetch.SpecialPurposeBlock.reachable;
import static org.clausecam.fetch.SpecialPurposeBlock.refused;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The addresses the guard refuses, as data: every block of IANA's special-purpose registries
 * that is not globally reachable, and the multicast space.
 *
 * <p>Sources, with their "Globally Reachable" column as last checked (2025): the IANA IPv4
 * Special-Purpose Address Registry (iana-ipv4-special-registry, RFC 6890 and later RFCs) and the
 * IANA IPv6 Special-Purpose Address Registry (iana-ipv6-special-registry); multicast from the
 * IPv4 and IPv6 Multicast Address Space registries. Rows marked "not in the registry" are
 * deprecated blocks refused all the same. When the registries change, change the tables; the
 * tests go over every row.
 *
 * <p>An address is judged by the most specific block that holds it, so a reachable anycast
 * address inside a refused block (192.0.0.9 in 192.0.0.0/24) passes, and an address in no block
 * passes. IPv6 blocks that carry an IPv4 address are judged by that address, which is where the
 * packets go:
 * <ul>
 *   <li>IPv4-mapped {@code ::ffff:0:0/96}: the socket connects over IPv4 to the embedded address,
 *       so only it matters;</li>
 *   <li>NAT64 well-known {@code 64:ff9b::/96} (globally reachable): the translator connects to the
 *       embedded address, which on a NAT64 network can be 169.254.169.254;</li>
 *   <li>6to4 {@code 2002::/16} and Teredo {@code 2001::/32} (no "globally reachable" verdict in
 *       the registry): relays deliver to the embedded addresses (for Teredo the server and the
 *       inverted client address), so each must pass; the prefixes themselves are not refused;</li>
 *   <li>NAT64 local-use {@code 64:ff9b:1::/48} and IPv4-compatible {@code ::/96} are refused
 *       whole: the first is not globally reachable and its IPv4 position depends on a local
 *       prefix length, the second is deprecated (RFC 4291 §2.5.5.1) and never routed.</li>
 * </ul>
 */
final class SpecialPurposeRegistry {
    private SpecialPurposeRegistry() {
    }

    static final List<SpecialPurposeBlock> IPV4 = List.of(
            refused("0.0.0.0/8", "\"This network\"", "unspecified"),
            refused("0.0.0.0/32", "\"This host on this network\"", "unspecified"),
            refused("10.0.0.0/8", "Private-Use", "private"),
            refused("100.64.0.0/10", "Shared Address Space", "shared (carrier-grade NAT)"),
            refused("127.0.0.0/8", "Loopback", "loopback"),
            refused("169.254.0.0/16", "Link Local", "link-local"),
            refused("172.16.0.0/12", "Private-Use", "private"),
            refused("192.0.0.0/24", "IETF Protocol Assignments", "reserved (IETF protocol assignments)"),
            refused("192.0.0.0/29", "IPv4 Service Continuity Prefix", "reserved (IPv4 service continuity)"),
            refused("192.0.0.8/32", "IPv4 dummy address", "reserved (dummy)"),
            reachable("192.0.0.9/32", "Port Control Protocol Anycast"),
            reachable("192.0.0.10/32", "Traversal Using Relays around NAT Anycast"),
            refused("192.0.0.170/32", "NAT64/DNS64 Discovery", "reserved (NAT64/DNS64 discovery)"),
            refused("192.0.0.171/32", "NAT64/DNS64 Discovery", "reserved (NAT64/DNS64 discovery)"),
            refused("192.0.2.0/24", "Documentation (TEST-NET-1)", "documentation"),
            // Deprecated by RFC 7526; refused whole, the 6a44 relay (192.88.99.2) included: no page lives there.
            refused("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "deprecated (6to4 relay anycast)"),
            refused("192.168.0.0/16", "Private-Use", "private"),
            refused("198.18.0.0/15", "Benchmarking", "benchmarking"),
            refused("198.51.100.0/24", "Documentation (TEST-NET-2)", "documentation"),
            refused("203.0.113.0/24", "Documentation (TEST-NET-3)", "documentation"),
            refused("224.0.0.0/4", "Multicast (IPv4 Multicast Address Space Registry)", "multicast"),
            refused("240.0.0.0/4", "Reserved", "reserved"),
            refused("255.255.255.255/32", "Limited Broadcast", "broadcast"));

    static final List<SpecialPurposeBlock> IPV6 = List.of(
            refused("::/128", "Unspecified Address", "unspecified"),
            refused("::1/128", "Loopback Address", "loopback"),
            refused("::/96", "IPv4-compatible (deprecated, RFC 4291; not in the registry)", "IPv4-compatible"),
            byEmbeddedIpv4("::ffff:0:0/96", "IPv4-mapped Address", Ipv4Embedding.LAST_32_BITS),
            byEmbeddedIpv4("64:ff9b::/96", "IPv4-IPv6 Translat.", Ipv4Embedding.LAST_32_BITS),
            refused("64:ff9b:1::/48", "IPv4-IPv6 Translat. (local use)", "NAT64 local-use"),
            refused("100::/64", "Discard-Only Address Block", "discard-only"),
            refused("100:0:0:1::/64", "Dummy IPv6 Prefix", "dummy"),
            refused("2001::/23", "IETF Protocol Assignments", "reserved (IETF protocol assignments)"),
            byEmbeddedIpv4("2001::/32", "TEREDO", Ipv4Embedding.TEREDO),
            reachable("2001:1::1/128", "Port Control Protocol Anycast"),
            reachable("2001:1::2/128", "Traversal Using Relays around NAT Anycast"),
            reachable("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast"),
            refused("2001:2::/48", "Benchmarking", "benchmarking"),
            reachable("2001:3::/32", "AMT"),
            reachable("2001:4:112::/48", "AS112-v6"),
            refused("2001:10::/28", "Deprecated (previously ORCHID)", "deprecated (ORCHID)"),
            reachable("2001:20::/28", "ORCHIDv2"),
            reachable("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix"),
            refused("2001:db8::/32", "Documentation", "documentation"),
            byEmbeddedIpv4("2002::/16", "6to4", Ipv4Embedding.SIX_TO_FOUR),
            refused("3fff::/20", "Documentation", "documentation"),
            refused("5f00::/16", "Segment Routing (SRv6) SIDs", "SRv6 SID"),
            refused("fc00::/7", "Unique-Local", "private (unique local)"),
            refused("fe80::/10", "Link-Local Unicast", "link-local"),
            refused("fec0::/10", "Site-Local (deprecated, RFC 3879; not in the registry)", "private (site-local)"),
            refused("ff00::/8", "Multicast (IPv6 Multicast Address Space Registry)", "multicast"));

    /**
     * Why an address is refused: the block that refuses it; for an IPv6 address judged by the
     * IPv4 address it carries, that address and the block that wraps it (null otherwise).
     */
    record Refusal(SpecialPurposeBlock block, Optional<InetAddress> embedded, SpecialPurposeBlock wrapper) {
    }

    /** The most specific block holding the address (4 or 16 bytes), if any. */
    static Optional<SpecialPurposeBlock> blockOf(byte[] address) {
        return Stream.concat(IPV4.stream(), IPV6.stream())
                .filter(row -> row.block().contains(address))
                .max((a, b) -> Integer.compare(a.block().prefixLength(), b.block().prefixLength()));
    }

    /** Why the guard refuses this address, or empty when it may be reached. */
    static Optional<Refusal> refusal(byte[] address) {
        Optional<SpecialPurposeBlock> found = blockOf(address);
        if (found.isEmpty()) return Optional.empty();
        SpecialPurposeBlock block = found.get();
        if (block.isRefused()) return Optional.of(new Refusal(block, Optional.empty(), null));
        for (byte[] ipv4 : block.embedding().ipv4In(address)) {
            Optional<SpecialPurposeBlock> inner = blockOf(ipv4).filter(SpecialPurposeBlock::isRefused);
            if (inner.isPresent()) {
                return Optional.of(new Refusal(inner.get(), Optional.of(asInetAddress(ipv4)), block));
            }
        }
        return Optional.empty();
    }

    private static InetAddress asInetAddress(byte[] ipv4) {
        try {
            return InetAddress.getByAddress(ipv4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
