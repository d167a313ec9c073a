package org.clausecam.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps fetches away from the machine's own network: only http(s) URLs, and only hosts whose
 * every resolved address is public. Loopback, private (RFC 1918, fc00::/7), link-local
 * (169.254/16 with the cloud metadata endpoint, fe80::/10), unspecified, multicast and
 * carrier-grade NAT addresses are refused unless private network access was allowed.
 *
 * <p>The resolved addresses are checked, not the name, so that a public name pointing at
 * 127.0.0.1 is refused too. A DNS answer that changes between {@link #check} and a connection
 * that resolves again (rebinding) is not caught by {@link #check} alone: connections go to the
 * addresses of {@link #permittedAddresses}, which {@link GuardedProxy} does for both the browser
 * and {@link HttpFetcher}.
 */
public final class NetworkGuard {

    /** Host name (or address literal) to addresses; the system's DNS except in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Resolver SYSTEM_DNS = InetAddress::getAllByName;

    private final boolean allowPrivateNetwork;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public NetworkGuard(boolean allowPrivateNetwork) {
        this(allowPrivateNetwork, Set.of(), SYSTEM_DNS);
    }

    /** With a resolver of its own: a test's DNS whose answers change between lookups. */
    NetworkGuard(boolean allowPrivateNetwork, Set<String> allowedHosts, Resolver resolver) {
        this.allowPrivateNetwork = allowPrivateNetwork;
        this.allowedHosts = allowedHosts;
        this.resolver = resolver;
    }

    /**
     * A guard that refuses the private network except the given hosts (names or address literals,
     * as they appear in URLs): an internal mirror, or a test server next to a refused address.
     */
    public static NetworkGuard allowingOnly(Set<String> hosts) {
        Set<String> lowerCased = new java.util.HashSet<>();
        hosts.forEach(h -> lowerCased.add(h.toLowerCase(Locale.ROOT)));
        return new NetworkGuard(false, Set.copyOf(lowerCased), SYSTEM_DNS);
    }

    public boolean allowsPrivateNetwork() {
        return allowPrivateNetwork;
    }

    /**
     * Refuses a URL this agent must not reach.
     *
     * @throws FetchException PERMANENT for a refused scheme or address, TRANSIENT when the host
     *                        does not resolve (DNS failures pass)
     */
    public void check(URI url) throws FetchException {
        String host = checkedHost(url);
        if (allowPrivateNetwork || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        permittedAddresses(url);
    }

    /**
     * Resolves a URL's host and checks every address, for a caller that then connects to one of
     * exactly these addresses: no second resolution, so no window for a DNS answer to change.
     *
     * @throws FetchException as {@link #check}
     */
    public List<InetAddress> permittedAddresses(URI url) throws FetchException {
        String host = checkedHost(url);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new FetchException(url, FetchException.Kind.TRANSIENT, "cannot resolve host " + host, e);
        }
        if (allowPrivateNetwork || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return List.of(addresses);
        }
        for (InetAddress address : addresses) {
            String why = whyRefused(address);
            if (why != null) {
                throw new FetchException(url, FetchException.Kind.PERMANENT,
                        "refused: " + host + " resolves to " + address.getHostAddress() + ", a " + why
                                + " address (allow it with --allow-private-network)");
            }
        }
        return List.of(addresses);
    }

    private static String checkedHost(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(url, FetchException.Kind.PERMANENT,
                    "only http and https URLs can be fetched, not '" + (scheme.isEmpty() ? url : scheme + ":") + "'");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new FetchException(url, FetchException.Kind.PERMANENT, "the URL has no host");
        }
        return host;
    }

    /** Whether {@link #check} would let this URL through; a host that does not resolve is refused. */
    public boolean permits(URI url) {
        try {
            check(url);
            return true;
        } catch (FetchException e) {
            return false;
        }
    }

    /** Two guards are equal when they let the same addresses through (and ask the same DNS). */
    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkGuard g && g.allowPrivateNetwork == allowPrivateNetwork
                && g.allowedHosts.equals(allowedHosts) && g.resolver == resolver;
    }

    @Override
    public int hashCode() {
        return (Boolean.hashCode(allowPrivateNetwork) * 31 + allowedHosts.hashCode()) * 31
                + System.identityHashCode(resolver);
    }

    /** Why an address is not public, or null when it is. */
    static String whyRefused(InetAddress address) {
        if (address.isLoopbackAddress()) return "loopback";
        if (address.isAnyLocalAddress()) return "unspecified";
        if (address.isLinkLocalAddress()) return "link-local";
        if (address.isSiteLocalAddress()) return "private";
        if (address.isMulticastAddress()) return "multicast";
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) return "unspecified";
            if (first == 100 && second >= 64 && second < 128) return "shared (carrier-grade NAT)";
            if (first >= 240) return "reserved";
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return "private (unique local)";
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) return "private (site-local)";
            if (isIpv4Mapped(b)) {
                try {
                    byte[] v4 = {b[12], b[13], b[14], b[15]};
                    return whyRefused(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("4 bytes are always an IPv4 address", e);
                }
            }
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) return false;
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
