package org.clausecam.capture;

import com.microsoft.playwright.options.HttpHeader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a record keeps of the request headers the browser sent. */
@Tag("unit")
class SentHeadersTest {

    @Test
    void credentialsAreDroppedNameAndValueWhateverTheirCase() {
        List<HttpHeader> sent = List.of(header("User-Agent", "Mozilla/5.0"), header("Cookie", "session=s3cret"),
                header("authorization", "Bearer t0ken"), header("Proxy-Authorization", "Basic cHJveHk="), header("Accept", "*/*"));

        assertEquals(Map.of("user-agent", List.of("Mozilla/5.0"), "accept", List.of("*/*")), SentHeaders.withoutCredentials(sent));
    }

    @Test
    void repeatedHeadersKeepEveryValueInTheOrderSent() {
        List<HttpHeader> sent = List.of(header("Accept", "text/css"), header("X-Note", "a"), header("x-note", "b"));

        assertEquals(List.of("accept", "x-note"), List.copyOf(SentHeaders.withoutCredentials(sent).keySet()));
        assertEquals(List.of("a", "b"), SentHeaders.withoutCredentials(sent).get("x-note"));
    }

    private static HttpHeader header(String name, String value) {
        HttpHeader h = new HttpHeader();
        h.name = name;
        h.value = value;
        return h;
    }
}
