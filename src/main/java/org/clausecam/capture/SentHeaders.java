package org.clausecam.capture;

import com.microsoft.playwright.options.HttpHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request headers the browser sent for a kept response, as a record keeps them: names
 * lower-cased, in the order sent, without credentials.
 *
 * <p>{@code authorization}, {@code proxy-authorization} and {@code cookie} are dropped, name and
 * value: records and the archives exported from them are shared, and credentials never appear in
 * records (SPEC.md). Dropped rather than kept with a masked value because a masked value is no
 * header the browser sent, and a replay tool would send it on.
 */
final class SentHeaders {

    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie");

    private SentHeaders() {
    }

    static Map<String, List<String>> withoutCredentials(List<HttpHeader> sent) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader h : sent) {
            String name = h.name.toLowerCase(Locale.ROOT);
            if (CREDENTIALS.contains(name)) continue;
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(h.value);
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        return headers;
    }
}
