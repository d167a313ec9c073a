package org.clausecam.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Links resolve as a browser's {@code link.href} resolves them (WHATWG URL Standard). */
@Tag("unit")
class WebUrlTest {
    private static String resolve(String href) {
        return WebUrl.resolve(href, "https://example.com/legal/terms?x=1").orElseThrow();
    }

    @Test
    void relativePathsResolveAgainstTheLocation() {
        assertEquals("https://example.com/legal/privacy", resolve("privacy"));
        assertEquals("https://example.com/about", resolve("../about"));
        assertEquals("https://example.com/a/c", resolve("/a/b/../c"));
    }

    @Test
    void queryAndFragmentOnlyReferencesKeepThePath() {
        assertEquals("https://example.com/legal/terms?y=2", resolve("?y=2"));
        assertEquals("https://example.com/legal/terms?x=1#s2", resolve("#s2"));
    }

    @Test
    void schemeRelativeAndBackslashesAreHandledAsBrowsersDo() {
        assertEquals("https://cdn.example.org/x", resolve("//cdn.example.org/x"));
        assertEquals("https://example.com/a/b", resolve("\\a\\b"));
    }

    @Test
    void hostsAreLowerCasedAndDefaultPortsDropped() {
        assertEquals("http://example.com/%7e/b", resolve("HTTP://EXAMPLE.COM:80/%7e/./a/../b"));
    }

    @Test
    void spacesAndNonAsciiArePercentEncoded() {
        assertEquals("https://example.com/legal/a%20b?q=%C3%A9", resolve("a b?q=é"));
    }

    @Test
    void otherSchemesAreKeptAsWritten() {
        assertEquals("mailto:privacy@example.com", resolve("mailto:privacy@example.com"));
        assertEquals("javascript:void(0)", resolve("javascript:void(0)"));
    }

    @Test
    void unparsableUrlsFail() {
        assertTrue(WebUrl.resolve("http://exa mple.com/", "https://example.com/").isEmpty());
        assertTrue(WebUrl.resolve("https://example.com:99999/", null).isEmpty());
    }

    @Test
    void fileUrlsMayHaveAnEmptyHostAndLocalhostIsEmpty() {
        assertEquals("file:///etc/passwd", WebUrl.resolve("file:///etc/passwd", null).orElseThrow());
        assertEquals("file:///etc/passwd", WebUrl.resolve("file://localhost/etc/passwd", null).orElseThrow());
    }

    @Test
    void asAJavaUriWhatJavaNetRefusesIsPercentEncodedAndTheHostIsTheBrowsersReading() {
        assertEquals("https://example.com/a%7Cb/%5Bc%5D?q=%7Bx%7D%7C%5E#f%7Cg",
                WebUrl.create("https://example.com/a|b/[c]?q={x}|^#f|g", null).toUri().toString());
        assertEquals("http://example.com/100%25/%41", WebUrl.create("http://example.com/100%/%41", null).toUri().toString());
        assertEquals("127.0.0.1", WebUrl.create("http://0x7f.1:8080/x", null).toUri().getHost());
        assertEquals("[::ffff:7f00:1]", WebUrl.create("http://[::FFFF:127.0.0.1]/", null).toUri().getHost());
    }

    @Test
    void thePortIsTheExplicitOneOrTheSchemeDefault() {
        assertEquals(443, WebUrl.create("https://example.com/", null).port());
        assertEquals(8080, WebUrl.create("http://example.com:08080/", null).port());
        assertEquals(80, WebUrl.create("http://example.com:80/", null).port());
    }

    @Test
    void aFailureNamesTheInputAndWhy() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WebUrl.create("http://256.1.1.1/", null));

        assertTrue(e.getMessage().contains("'http://256.1.1.1/'") && e.getMessage().contains("IPv4"), e.getMessage());
    }
}
