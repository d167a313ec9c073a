package org.clausecam.fetch;

/**
 * One row of the guard's address table: a block, its name in the IANA registry it comes from,
 * whether the registry calls it globally reachable, and for refused blocks the word the guard's
 * message uses ("a loopback address").
 *
 * @param kind      for a refused block, what to call its addresses; null for reachable blocks
 * @param embedding for a block judged by the IPv4 address inside (then {@code kind} is null)
 */
record SpecialPurposeBlock(AddressBlock block, String name, String kind, Ipv4Embedding embedding) {

    static SpecialPurposeBlock refused(String cidr, String name, String kind) {
        return new SpecialPurposeBlock(AddressBlock.parse(cidr), name, kind, Ipv4Embedding.NONE);
    }

    /** A globally reachable block inside a refused one (an anycast service, say): let through. */
    static SpecialPurposeBlock reachable(String cidr, String name) {
        return new SpecialPurposeBlock(AddressBlock.parse(cidr), name, null, Ipv4Embedding.NONE);
    }

    static SpecialPurposeBlock byEmbeddedIpv4(String cidr, String name, Ipv4Embedding embedding) {
        return new SpecialPurposeBlock(AddressBlock.parse(cidr), name, null, embedding);
    }

    boolean isRefused() {
        return kind != null;
    }

    @Override
    public String toString() {
        return block + " (" + name + ")";
    }
}
