package org.clausecam.declarations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Open Terms Archive's list of terms types, the only keys a declaration's {@code terms} may use.
 * The list is {@code terms-types.json} from the npm package {@code @opentermsarchive/terms-types}
 * 2.2.0 (EUPL-1.2), shipped as a resource next to this class.
 */
public final class TermsTypes {

    private static final String RESOURCE = "terms-types.json";
    private static final Map<String, String> NAMES_BY_ALIAS = new HashMap<>();
    private static final Set<String> NAMES = load();

    private TermsTypes() {}

    public static Set<String> names() { return NAMES; }

    public static boolean isKnown(String type) { return NAMES.contains(type); }

    /**
     * The message for a terms type that is not in the list, with the type it most likely meant:
     * the type an alias stands for ({@code Cookies Policy} is {@code Trackers Policy}), or a
     * near spelling.
     */
    public static String unknownTypeMessage(String type) {
        return "unknown terms type \"" + type + "\"" + suggestionFor(type).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
    }

    static Optional<String> suggestionFor(String type) {
        String key = type.strip().toLowerCase(Locale.ROOT);
        String byAlias = NAMES_BY_ALIAS.get(key);
        if (byAlias != null) return Optional.of(byAlias);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : NAMES) {
            int d = distance(key, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 6) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Set<String> load() {
        try (InputStream in = TermsTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            JsonNode root = new ObjectMapper().readTree(in);
            Set<String> names = new LinkedHashSet<>();
            for (Map.Entry<String, JsonNode> type : root.properties()) {
                names.add(type.getKey());
                NAMES_BY_ALIAS.put(type.getKey().toLowerCase(Locale.ROOT), type.getKey());
                for (JsonNode alias : type.getValue().path("aliases")) {
                    NAMES_BY_ALIAS.put(alias.asText().toLowerCase(Locale.ROOT), type.getKey());
                }
            }
            return Collections.unmodifiableSet(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }
}
