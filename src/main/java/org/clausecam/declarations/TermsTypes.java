package org.clausecam.declarations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The terms types a collection's declarations may use as keys of {@code terms}. By default Open
 * Terms Archive's standard list: {@code terms-types.json} from the npm package
 * {@code @opentermsarchive/terms-types} 2.2.0 (EUPL-1.2), shipped as a resource next to this
 * class. A collection may replace it with its own list, as Open Terms Archive's collections do:
 * {@code terms-types/termsTypes.json} beside the declarations folder (the collection's
 * {@code package.json} maps the npm package to that folder), in the same format: an object whose
 * keys are the types, each with optional {@code aliases}.
 */
public final class TermsTypes {

    /** Where a collection keeps its own list, relative to the folder that holds its declarations folder. */
    public static final Path COLLECTION_FILE = Path.of("terms-types", "termsTypes.json");

    private static final String RESOURCE = "terms-types.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TermsTypes STANDARD = loadStandard();

    private final Set<String> names;
    private final Map<String, String> namesByAlias;
    private final Path file;

    private TermsTypes(Set<String> names, Map<String, String> namesByAlias, Path file) {
        this.names = Collections.unmodifiableSet(names);
        this.namesByAlias = Map.copyOf(namesByAlias);
        this.file = file;
    }

    /** Open Terms Archive's standard list. */
    public static TermsTypes standard() {
        return STANDARD;
    }

    /**
     * The list that applies to a declarations folder: the collection's own
     * ({@code ../terms-types/termsTypes.json}) when there is one, else the standard list.
     *
     * @throws TermsTypesException when the collection's file exists but is not a list of terms types
     */
    public static TermsTypes forDeclarations(Path declarationsFolder) throws TermsTypesException {
        Path parent = declarationsFolder.toAbsolutePath().normalize().getParent();
        if (parent == null) return STANDARD;
        Path own = parent.resolve(COLLECTION_FILE);
        return Files.exists(own) ? read(own) : STANDARD;
    }

    /**
     * Reads a list in Open Terms Archive's format.
     *
     * @throws TermsTypesException naming the file, when it cannot be read or holds no terms types
     */
    public static TermsTypes read(Path file) throws TermsTypesException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new TermsTypesException(file, "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TermsTypesException(file, Files.exists(file) ? "cannot read file: " + e.getMessage() : "no such file", e);
        }
        return parse(root, file);
    }

    private static TermsTypes parse(JsonNode root, Path file) throws TermsTypesException {
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new TermsTypesException(file, "a terms types list must be a JSON object whose keys are the types", null);
        }
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> byAlias = new HashMap<>();
        for (Map.Entry<String, JsonNode> type : root.properties()) {
            String name = type.getKey();
            if (name.isBlank()) throw new TermsTypesException(file, "empty terms type name", null);
            if (!type.getValue().isObject()) {
                throw new TermsTypesException(file, "terms type \"" + name + "\" must be described by an object", null);
            }
            names.add(name);
            byAlias.put(name.toLowerCase(Locale.ROOT), name);
            for (JsonNode alias : type.getValue().path("aliases")) {
                byAlias.putIfAbsent(alias.asText().toLowerCase(Locale.ROOT), name);
            }
        }
        return new TermsTypes(names, byAlias, file);
    }

    public Set<String> names() { return names; }

    public boolean isKnown(String type) { return names.contains(type); }

    /** The collection's file this list was read from; empty for the standard list. */
    public Optional<Path> file() { return Optional.ofNullable(file); }

    /**
     * The message for a terms type that is not in the list, with the type it most likely meant:
     * the type an alias stands for ({@code Cookies Policy} is {@code Trackers Policy}), or a
     * near spelling. A collection's own list is named, so that a refusal says which list refused.
     */
    public String unknownTypeMessage(String type) {
        return "unknown terms type \"" + type + "\""
                + suggestionFor(type).map(s -> " (did you mean \"" + s + "\"?)").orElse("")
                + (file == null ? "" : " (not in " + file + ")");
    }

    Optional<String> suggestionFor(String type) {
        String key = type.strip().toLowerCase(Locale.ROOT);
        String byAlias = namesByAlias.get(key);
        if (byAlias != null) return Optional.of(byAlias);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
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

    private static TermsTypes loadStandard() {
        try (InputStream in = TermsTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            return parse(JSON.readTree(in), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        } catch (TermsTypesException e) {
            throw new IllegalStateException("resource " + RESOURCE + " is broken", e);
        }
    }
}
