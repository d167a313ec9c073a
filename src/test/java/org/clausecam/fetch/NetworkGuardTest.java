package org.clausecam.fetch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard's decisions, for address literals only: nothing here resolves a name it could not
 * answer from /etc/hosts, and nothing connects anywhere.
 */
@Tag("unit")
class NetworkGuardTest {

    private final NetworkGuard guard = new NetworkGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/", "http://127.1.2.3:8080/x", "http://localhost/", "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://0.0.0.0/", "http://224.0.0.1/",
            "http://100.64.0.1/", "http://[::1]/", "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/",
            "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/",
            "http://198.18.0.1/", "http://192.0.0.1/", "http://terms.localhost/", "http://LOCALHOST./"})
    void refusesLoopbackPrivateLinkLocalAndOtherNonPublicAddresses(String url) {
        FetchException e = assertThrows(FetchException.class, () -> guard.check(URI.create(url)));

        assertEquals(FetchException.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("--allow-private-network"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/terms", "javascript:alert(1)", "data:text/html,hi"})
    void refusesSchemesOtherThanHttpAndHttpsEvenWhenPrivateNetworkIsAllowed(String url) {
        NetworkGuard permissive = new NetworkGuard(true);

        FetchException e = assertThrows(FetchException.class, () -> permissive.check(URI.create(url)));

        assertEquals(FetchException.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("only http and https"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/", "https://8.8.8.8/terms", "http://[2606:4700::6810:85e5]/",
            "http://192.0.0.9/", "http://[2001:1::1]/", "http://[::ffff:8.8.8.8]/"})
    void letsGloballyReachableAddressesThrough(String url) {
        assertDoesNotThrow(() -> guard.check(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://169.254.169.254/", "http://10.0.0.1/", "http://0177.0.0.1/"})
    void letsPrivateAddressesThroughWhenAllowed(String url) {
        assertDoesNotThrow(() -> new NetworkGuard(true).check(URI.create(url)));
    }

    /** The same loopback address in the notations a browser accepts and java.net reads otherwise. */
    @ParameterizedTest
    @ValueSource(strings = {"http://0177.0.0.1/", "http://0x7f.1/", "http://2130706433/", "http://127.1/",
            "http://0x7f000001/", "http://0177.0.0.01/terms", "https://0x7F.0.0.1:8443/", "http://127.0.0.1./",
            "http://%31%32%37.0.0.1/", "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:ffff:127.0.0.1]/"})
    void readsHostsAsTheBrowserDoesSoEveryLoopbackNotationIsRefused(String url) {
        FetchException e = assertThrows(FetchException.class, () -> guard.check(URI.create(url)));

        assertEquals(FetchException.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("resolves to 127.0.0.1, a loopback address"), e.getMessage());
    }

    @Test
    void anAllowedHostIsMatchedAsTheBrowserReadsIt() {
        NetworkGuard allowingLoopback = NetworkGuard.allowingOnly(java.util.Set.of("127.0.0.1"));

        assertDoesNotThrow(() -> allowingLoopback.check(URI.create("http://0177.0.0.1:8080/")));
        assertThrows(FetchException.class, () -> allowingLoopback.check(URI.create("http://127.0.0.2/")));
    }

    @Test
    void aUrlTheBrowserWouldNotParseIsRefused() {
        FetchException e = assertThrows(FetchException.class, () -> guard.check(URI.create("http://256.0.0.1/")));

        assertEquals(FetchException.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("a browser would not read this URL"), e.getMessage());
    }

    /** IPv6 forms that carry an IPv4 address are judged by that address (the cases first). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "64:ff9b::a9fe:a9fe                    | refused: NAT64 of 169.254.169.254",
            "2002:a9fe:a9fe::1                     | refused: 6to4 of 169.254.169.254",
            "::127.0.0.1                           | refused: IPv4-compatible (deprecated)",
            "::ffff:169.254.169.254                | refused: IPv4-mapped 169.254.169.254",
            "2001:0:4136:e378:8000:63bf:80ff:fffe  | refused: Teredo client 127.0.0.1 (inverted bits)",
            "2001:0:a00:1:8000:63bf:f7f7:fbfb      | refused: Teredo server 10.0.0.1",
            "64:ff9b::7f00:1                       | refused: NAT64 of 127.0.0.1",
            "64:ff9b::c612:1                       | refused: NAT64 of 198.18.0.1 (benchmarking)",
            "2002:c0a8:101::1                      | refused: 6to4 of 192.168.1.1",
            "2002:0:1::                            | refused: 6to4 of 0.0.1.0",
            "64:ff9b:1::808:808                    | refused: NAT64 local-use, whatever it carries",
            "::8.8.8.8                             | refused: IPv4-compatible (deprecated)",
            "::ffff:8.8.8.8                        | allowed: IPv4-mapped 8.8.8.8",
            "64:ff9b::808:808                      | allowed: NAT64 of 8.8.8.8",
            "2002:808:808::1                       | allowed: 6to4 of 8.8.8.8",
            "2001:0:4136:e378:8000:63bf:f7f7:fbfb  | allowed: Teredo server 65.54.227.120 client 8.8.4.4"})
    void ipv6FormsThatEmbedIpv4AreJudgedByTheEmbeddedAddress(String address, String expected) {
        URI url = URI.create("http://[" + address + "]/");

        if (expected.startsWith("refused")) {
            FetchException e = assertThrows(FetchException.class, () -> guard.check(url));
            assertEquals(FetchException.Kind.PERMANENT, e.kind());
        } else {
            assertDoesNotThrow(() -> guard.check(url));
        }
    }

    @Test
    void aRefusedEmbeddedAddressIsNamedInTheMessage() {
        FetchException e = assertThrows(FetchException.class,
                () -> guard.check(URI.create("http://[64:ff9b::a9fe:a9fe]/latest/meta-data/")));

        assertTrue(e.getMessage().contains("which carries 169.254.169.254 [64:ff9b::/96 (IPv4-IPv6 Translat.)], "
                + "a link-local address [169.254.0.0/16 (Link Local)]"), e.getMessage());
    }

    /** Every row of both registries, at its first and last address. */
    static Stream<Arguments> rowEdges() {
        List<Arguments> cases = new ArrayList<>();
        for (SpecialPurposeBlock row : allRows()) {
            cases.add(Arguments.of(row, "first", row.block().first()));
            cases.add(Arguments.of(row, "last", row.block().last()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at its {1} address")
    @MethodSource("rowEdges")
    void everyRowDecidesAtItsFirstAndLastAddress(SpecialPurposeBlock row, String edge, byte[] address) throws Exception {
        URI url = urlOf(address);
        // Blocks judged by an embedded IPv4 address carry 0.0.0.0 or 255.255.255.255 at their edges: refused too.
        boolean refused = row.isRefused() || row.embedding() != Ipv4Embedding.NONE;

        if (refused) {
            FetchException e = assertThrows(FetchException.class, () -> guard.check(url), url.toString());
            assertEquals(FetchException.Kind.PERMANENT, e.kind());
        } else {
            assertDoesNotThrow(() -> guard.check(url), url.toString());
        }
    }

    /** The address just below and just above every row: not that row's to judge. */
    static Stream<Arguments> rowNeighbours() {
        List<Arguments> cases = new ArrayList<>();
        for (SpecialPurposeBlock row : allRows()) {
            step(row.block().first(), -1).ifPresent(a -> cases.add(Arguments.of(row, "below", a)));
            step(row.block().last(), +1).ifPresent(a -> cases.add(Arguments.of(row, "above", a)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, just {1}")
    @MethodSource("rowNeighbours")
    void theNeighboursOfEveryRowAreOutsideIt(SpecialPurposeBlock row, String side, byte[] address) throws Exception {
        Optional<SpecialPurposeBlock> holder = SpecialPurposeRegistry.blockOf(address);

        assertTrue(!row.block().contains(address), row + " holds " + urlOf(address));
        holder.ifPresent(other -> assertNotEquals(row, other));
        if (holder.isEmpty()) {
            assertDoesNotThrow(() -> guard.check(urlOf(address)), urlOf(address).toString());
        }
    }

    @Test
    void theTablesHoldEveryRegistryRowThatMattersToTheGuard() {
        assertEquals(23, SpecialPurposeRegistry.IPV4.size());
        assertEquals(27, SpecialPurposeRegistry.IPV6.size());
    }

    private static List<SpecialPurposeBlock> allRows() {
        List<SpecialPurposeBlock> rows = new ArrayList<>(SpecialPurposeRegistry.IPV4);
        rows.addAll(SpecialPurposeRegistry.IPV6);
        return rows;
    }

    private static URI urlOf(byte[] address) throws UnknownHostException {
        if (address.length == 4) {
            return URI.create("http://" + InetAddress.getByAddress(address).getHostAddress() + "/");
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) hex.append(':');
            hex.append(Integer.toHexString(((address[i] & 0xFF) << 8) | (address[i + 1] & 0xFF)));
        }
        return URI.create("http://[" + hex + "]/");
    }

    /** The address one above or below, or empty past the end of the address space. */
    private static Optional<byte[]> step(byte[] address, int delta) {
        byte[] next = address.clone();
        for (int i = next.length - 1; i >= 0; i--) {
            int value = (next[i] & 0xFF) + delta;
            next[i] = (byte) value;
            if (value >= 0 && value <= 0xFF) return Optional.of(next);
        }
        return Optional.empty();
    }
}
