package org.clausecam.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hosts read as the URL Standard (and Chromium) reads them, not as java.net does. */
@Tag("unit")
class WebHostTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1          | 127.0.0.1",
            "0177.0.0.1         | 127.0.0.1",
            "0x7f.1             | 127.0.0.1",
            "0X7F.0.0.1         | 127.0.0.1",
            "2130706433         | 127.0.0.1",
            "127.1              | 127.0.0.1",
            "0x7f000001         | 127.0.0.1",
            "017700000001       | 127.0.0.1",
            "127.0.0.1.         | 127.0.0.1",
            "0                  | 0.0.0.0",
            "0x                 | 0.0.0.0",
            "169.254.43518      | 169.254.169.254",
            "0xa9.0376.0xa9fe   | 169.254.169.254",
            "%31%32%37.0.0.1    | 127.0.0.1",
            "１２７。０。０。１ | 127.0.0.1",
            "4294967295         | 255.255.255.255"})
    void numericHostsAreIpv4AddressesInEveryNotationABrowserAccepts(String input, String address) {
        WebHost host = WebHost.parseSpecial(input);

        assertInstanceOf(WebHost.Ipv4.class, host);
        assertEquals(address, host.serialized());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "[::1]                          | [::1]",
            "[0:0:0:0:0:0:0:1]              | [::1]",
            "[::]                           | [::]",
            "[::ffff:127.0.0.1]             | [::ffff:7f00:1]",
            "[::127.0.0.1]                  | [::7f00:1]",
            "[64:FF9B::169.254.169.254]     | [64:ff9b::a9fe:a9fe]",
            "[2001:db8:0:0:1:0:0:1]         | [2001:db8::1:0:0:1]",
            "[1:0:0:2:0:0:0:3]              | [1:0:0:2::3]",
            "[fe80::1:0]                    | [fe80::1:0]",
            "[1:2:3:4:5:6:7:8]              | [1:2:3:4:5:6:7:8]"})
    void ipv6HostsAreSerialisedCompressedAndLowerCase(String input, String serialized) {
        WebHost host = WebHost.parseSpecial(input);

        assertInstanceOf(WebHost.Ipv6.class, host);
        assertEquals(serialized, host.serialized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3.4.5", "0x100000000", "4294967296", "1.2.3.08",
            "1..2.3", "[::1", "[::1%25eth0]", "[1::2::3]", "[1:2:3:4:5:6:7:8:9]", "[::ffff:0177.0.0.1]",
            "[::1.2.3]", "[:1]", "[1:]", "exa mple.com", "a<b"})
    void hostsTheStandardRejectsFail(String input) {
        assertThrows(IllegalArgumentException.class, () -> WebHost.parseSpecial(input));
    }

    @ParameterizedTest(name = "{0} is the domain {1}")
    @CsvSource(delimiter = '|', value = {
            "Example.COM     | example.com",
            "bücher.example  | xn--bcher-kva.example",
            "1.2.3.4.example | 1.2.3.4.example",
            "0x7g.1.example  | 0x7g.1.example",
            "1.2.3.0xg       | 1.2.3.0xg"})
    void namesThatDoNotEndInANumberAreDomains(String input, String domain) {
        WebHost host = WebHost.parseSpecial(input);

        assertInstanceOf(WebHost.Domain.class, host);
        assertEquals(domain, host.serialized());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "faß.de             | xn--fa-hia.de",
            "FAß.ExAmPlE        | xn--fa-hia.example",
            "bücher.example     | xn--bcher-kva.example",
            "xn--bcher-kva.example | xn--bcher-kva.example",
            "[0:0::1]           | [::1]",
            "a..b               | a..b",
            "-leading.example   | -leading.example"})
    void domainsGoThroughUts46AsTheUrlStandardSays(String input, String serialized) {
        assertEquals(serialized, WebHost.parseSpecial(input).serialized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xn--pokxncvks.example", "a\u200db.example", "xn--.example"})
    void domainsThatUts46RefusesAreNoHost(String input) {
        assertThrows(IllegalArgumentException.class, () -> WebHost.parseSpecial(input.replace("\\u200d", "\u200d")));
    }
}
