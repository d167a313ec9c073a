package org.clausecam.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hosts the URL Standard accepts and java.net.URI reads without a host ({@code a_b.localhost}):
 * plain HTTP says which URL it cannot request and why, whether declared or reached by a redirect;
 * the host still has its own politeness policy and the guard reads it as the browser does.
 */
class HostJavaRefusesTest {
    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpFetcher viaServer() {
        return new HttpFetcher(HttpFetchOptions.defaults(), new NetworkGuard(true),
                ProxySelector.of(new InetSocketAddress("127.0.0.1", server.url("/").getPort())));
    }

    @Test
    void aRedirectToSuchAHostIsRefusedNamingTheHopAndWhy() {
        int port = server.url("/").getPort();
        server.redirect("/moved", 301, "http://a_b.localhost:" + port + "/terms");
        URI declared = URI.create("http://shop.localhost:" + port + "/moved");

        FetchException e = assertThrows(FetchException.class, () -> viaServer().fetch(declared));

        assertEquals(FetchException.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().startsWith(declared + ": plain HTTP cannot request http://a_b.localhost:" + port
                + "/terms: its host a_b.localhost holds characters"), e.getMessage());
    }

    @Test
    void suchAHostHasItsOwnPolicyUnderTheNameABrowserReads() throws Exception {
        HostPolicies policies = new HostPolicies(FetchPolicySettings.defaults());

        assertEquals("a_b.example", policies.forHost(URI.create("http://A_B.example/terms")).host());
    }

    @Test
    void namesUnderLocalhostAreLoopbackForTheGuardAsForChromium() throws Exception {
        NetworkGuard guard = new NetworkGuard(true);

        assertEquals("127.0.0.1", guard.permittedAddresses(URI.create("http://a_b.localhost:8080/")).get(0).getHostAddress());
    }
}
