package org.clausecam.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A DNS answer that changes between the guard's check and the connection (rebinding) must not
 * reach the private network: the guarded HTTP client connects only to the addresses it checked.
 */
class DnsRebindingTest {

    private static final String HOST = "terms.rebinding.example";

    private final FixtureServer loopbackServer = new FixtureServer();
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private final List<GuardedProxy> proxies = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        loopbackServer.close();
        proxies.forEach(GuardedProxy::close);
    }

    /** The checking proxy of this guard, closed after the test. */
    private GuardedProxy proxy(NetworkGuard guard) {
        GuardedProxy proxy = new GuardedProxy(guard);
        proxies.add(proxy);
        return proxy;
    }

    /** Public on the first lookup, the loopback server on every one after: what a rebinding DNS answers. */
    private InetAddress[] publicThenLoopback(String host) throws UnknownHostException {
        lookups.add(host);
        byte[] address = lookups.size() == 1 ? new byte[] {93, (byte) 184, (byte) 216, 34} : new byte[] {127, 0, 0, 1};
        return new InetAddress[] {InetAddress.getByAddress(host, address)};
    }

    private URI rebindingUrl(String scheme, String path) {
        return URI.create(scheme + "://" + HOST + ":" + loopbackServer.url("/").getPort() + path);
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckGetsNoRequestThrough() {
        loopbackServer.serve("/terms", "text/html", "<p>internal</p>");
        HttpFetcher guarded = new HttpFetcher(HttpFetchOptions.defaults(),
                proxy(new NetworkGuard(false, Set.of(), this::publicThenLoopback)));

        FetchException e = assertThrows(FetchException.class, () -> guarded.fetch(rebindingUrl("http", "/terms")));

        assertEquals(FetchException.Kind.PERMANENT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1, a loopback address"), e.getMessage());
        assertEquals(List.of(HOST, HOST), lookups, "checked once by the fetcher, once by the proxy when connecting");
        assertEquals(0, loopbackServer.hits("/terms"));
    }

    @Test
    void anHttpsNameThatRebindsToLoopbackAfterTheCheckGetsNoTunnel() {
        loopbackServer.serve("/terms", "text/html", "<p>internal</p>");
        HttpFetcher guarded = new HttpFetcher(HttpFetchOptions.defaults(),
                proxy(new NetworkGuard(false, Set.of(), this::publicThenLoopback)));

        FetchException e = assertThrows(FetchException.class, () -> guarded.fetch(rebindingUrl("https", "/terms")));

        assertEquals(FetchException.Kind.PERMANENT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("refused at connection"), e.getMessage());
        assertEquals(List.of(HOST, HOST), lookups);
        assertEquals(0, loopbackServer.hits("/terms"));
    }

    @Test
    void theGuardedClientConnectsToTheAddressTheGuardResolvedNotToTheSystemDns() throws Exception {
        loopbackServer.serve("/terms", "text/html", "<p>terms</p>");
        // The name is unknown to the system's DNS: only the guard's resolver knows where it lives.
        HttpFetcher guarded = new HttpFetcher(HttpFetchOptions.defaults(), proxy(new NetworkGuard(false, Set.of(HOST),
                host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})})));

        FetchedDocument document = guarded.fetch(rebindingUrl("http", "/terms"));
        FetchedDocument again = guarded.fetch(rebindingUrl("http", "/terms"));

        assertEquals(200, document.status());
        assertEquals("<p>terms</p>", new String(document.content(), StandardCharsets.UTF_8));
        assertEquals("<p>terms</p>", new String(again.content(), StandardCharsets.UTF_8));
        assertEquals(2, loopbackServer.hits("/terms"));
    }
}
