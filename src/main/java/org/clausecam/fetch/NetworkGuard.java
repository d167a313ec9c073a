package org.clausecam.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.clausecam.url.WebHost;
import org.clausecam.url.WebUrl;

/**
 * Keeps fetches away from the machine's own network: only http(s) URLs, and only hosts whose
 * every resolved address is globally reachable. Every special-purpose block that IANA's registries
 * call not globally reachable (loopback, private, link-local with the cloud metadata endpoint,
 * benchmarking, documentation, …), multicast, and IPv6 addresses that carry such an IPv4 address
 * (NAT64, 6to4, Teredo, IPv4-mapped) are refused unless private network access was allowed: see
 * {@link SpecialPurposeRegistry}.
 *
 * <p>The URL is read as a browser reads it ({@link WebUrl}), so the guard decides on the host the
 * browser and {@link HttpFetcher} connect to: {@code http://0177.0.0.1/} is 127.0.0.1.
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

    private static final List<InetAddress> LOOPBACK = loopback();
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
        Set<String> serialized = new java.util.HashSet<>();
        for (String host : hosts) {
            // As the guard will read them in URLs: "0177.0.0.1" allows 127.0.0.1, "[::0:1]" allows [::1].
            serialized.add(WebHost.parseSpecial(host).serialized());
        }
        return new NetworkGuard(false, Set.copyOf(serialized), SYSTEM_DNS);
    }

    public boolean allowsPrivateNetwork() {
        return allowPrivateNetwork;
    }

    /**
     * Refuses a URL this agent must not reach.
     *
     * @throws FetchException PERMANENT for a refused scheme or address or a URL a browser would
     *                        not parse, TRANSIENT when the host does not resolve
     */
    public void check(URI url) throws FetchException {
        WebUrl parsed = readAsBrowser(url);
        WebHost host = parsed.host().orElseThrow();
        if (allowPrivateNetwork || allowedHosts.contains(host.serialized())) {
            return;
        }
        permittedAddresses(url, host);
    }

    /**
     * Resolves a URL's host and checks every address, for a caller that then connects to one of
     * exactly these addresses: no second resolution, so no window for a DNS answer to change.
     * The host is the one a browser reads in the URL ({@link WebHost}): {@code 0177.0.0.1} is
     * 127.0.0.1 here, and an address literal is never sent to DNS.
     *
     * @throws FetchException as {@link #check}
     */
    public List<InetAddress> permittedAddresses(URI url) throws FetchException {
        return permittedAddresses(url, readAsBrowser(url).host().orElseThrow());
    }

    private List<InetAddress> permittedAddresses(URI url, WebHost host) throws FetchException {
        boolean allowed = allowPrivateNetwork || allowedHosts.contains(host.serialized());
        if (!allowed && host instanceof WebHost.Domain domain && isLocalhostName(domain.name())) {
            // Chromium answers every *.localhost name with loopback itself (RFC 6761), whatever DNS says.
            throw new FetchException(url, FetchException.Kind.PERMANENT, "refused: " + host.serialized()
                    + " resolves to 127.0.0.1, a loopback address [every name under localhost, RFC 6761]"
                    + " (allow it with --allow-private-network)");
        }
        List<InetAddress> addresses = addressesOf(url, host);
        if (allowed) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<SpecialPurposeRegistry.Refusal> refusal = SpecialPurposeRegistry.refusal(address.getAddress());
            if (refusal.isPresent()) {
                throw new FetchException(url, FetchException.Kind.PERMANENT,
                        "refused: " + host.serialized() + " resolves to " + address.getHostAddress() + ", "
                                + describe(refusal.get()) + " (allow it with --allow-private-network)");
            }
        }
        return addresses;
    }

    /** "a loopback address [127.0.0.0/8 (Loopback)]", or for a wrapped one what it carries. */
    private static String describe(SpecialPurposeRegistry.Refusal refusal) {
        String refused = "a " + refusal.block().kind() + " address [" + refusal.block() + "]";
        return refusal.embedded()
                .map(ipv4 -> "which carries " + ipv4.getHostAddress() + " [" + refusal.wrapper() + "], " + refused)
                .orElse(refused);
    }

    private List<InetAddress> addressesOf(URI url, WebHost host) throws FetchException {
        try {
            if (host instanceof WebHost.Ipv4 v4) return List.of(InetAddress.getByAddress(v4.bytes()));
            if (host instanceof WebHost.Ipv6 v6) return List.of(InetAddress.getByAddress(v6.bytes()));
            // Answered here as Chromium answers them itself (RFC 6761), whatever the system's resolver
            // says (glibc knows no a.localhost): the proxy then connects where the browser would.
            if (host instanceof WebHost.Domain domain && isLocalhostName(domain.name())) return LOOPBACK;
            return List.of(resolver.resolve(host.serialized()));
        } catch (UnknownHostException e) {
            throw new FetchException(url, FetchException.Kind.TRANSIENT, "cannot resolve host " + host.serialized(), e);
        }
    }

    private static List<InetAddress> loopback() {
        try {
            return List.of(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}),
                    InetAddress.getByAddress("localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("loopback addresses are well-formed", e);
        }
    }

    private static boolean isLocalhostName(String name) {
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return bare.equals("localhost") || bare.endsWith(".localhost");
    }

    /**
     * The URL as the browser reads it, the one reading that the guard, {@link HttpFetcher} and
     * {@link GuardedProxy} act on.
     *
     * @throws FetchException PERMANENT when it is not http(s) (checked first, for a clear message)
     *                        or not a URL the browser would parse
     */
    public static WebUrl readAsBrowser(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(url, FetchException.Kind.PERMANENT,
                    "only http and https URLs can be fetched, not '" + (scheme.isEmpty() ? url : scheme + ":") + "'");
        }
        try {
            return WebUrl.create(url.toString(), null);
        } catch (IllegalArgumentException e) {
            throw new FetchException(url, FetchException.Kind.PERMANENT, "a browser would not read this URL", e);
        }
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
}
