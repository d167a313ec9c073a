package org.clausecam.fetch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class NetworkGuardTest {

    private final NetworkGuard guard = new NetworkGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/", "http://127.1.2.3:8080/x", "http://localhost/", "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://0.0.0.0/", "http://224.0.0.1/",
            "http://100.64.0.1/", "http://[::1]/", "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/",
            "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/"})
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
    @ValueSource(strings = {"http://93.184.215.14/", "https://8.8.8.8/terms", "http://[2606:4700::6810:85e5]/"})
    void letsPublicAddressesThrough(String url) {
        assertDoesNotThrow(() -> guard.check(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://169.254.169.254/", "http://10.0.0.1/"})
    void letsPrivateAddressesThroughWhenAllowed(String url) {
        assertDoesNotThrow(() -> new NetworkGuard(true).check(URI.create(url)));
    }
}
