package org.clausecam.declarations;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import org.clausecam.url.WebUrl;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A declaration's {@code fetch} URL is read as a browser (and Open Terms Archive) reads it: what
 * the URL Standard accepts is accepted, percent-encoded as the standard does, in a form
 * {@link URI} holds for the fetchers.
 */
@Tag("unit")
class DeclaredUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '>', value = {
            "https://platform.example/files/report [2023] final.pdf > https://platform.example/files/report%20%5B2023%5D%20final.pdf",
            "https://platform.example/p?a=1|2 > https://platform.example/p?a=1%7C2",
            "https://platform.example/conditions générales > https://platform.example/conditions%20g%C3%A9n%C3%A9rales",
            "HTTPS://Platform.Example:443/./a/../b > https://platform.example/b",
            "https://platform.example/a%2 > https://platform.example/a%252",
            "http://[0:0::1]:8080/terms > http://[::1]:8080/terms",
    })
    void isAcceptedAsABrowserAcceptsIt(String declared, String fetched) {
        assertEquals(Optional.of(URI.create(fetched)), TermsReader.Locations.httpUrl(declared).map(WebUrl::toUri));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '>', value = {
            "https://example.com/docs/[v2]/terms?x=[1] > https://example.com/docs/[v2]/terms?x=[1]",
            "https://platform.example/files/report [2023].pdf > https://platform.example/files/report%20[2023].pdf",
            "http://a_b.example/terms > http://a_b.example/terms",
    })
    void keepsTheHrefABrowserGivesItForResolvingLinks(String declared, String href) {
        assertEquals(Optional.of(href), TermsReader.Locations.httpUrl(declared).map(WebUrl::toString));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://platform.example/terms", "platform.example/terms", "https://", "https://exa mple.com/", "mailto:legal@platform.example"})
    void isRefusedWhenNotAnHttpUrl(String declared) {
        assertEquals(Optional.empty(), TermsReader.Locations.httpUrl(declared).map(WebUrl::toUri));
    }
}
