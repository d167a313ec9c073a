package org.clausecam.declarations;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clausecam.url.WebUrl;

/**
 * Turns the JSON of one terms declaration (current or from history) into {@link Terms}, with
 * Open Terms Archive's meaning: one document ({@code fetch}) or several ({@code combine}), each
 * combined entry inheriting the parent's {@code select}, {@code remove}, {@code filter} and
 * {@code executeClientScripts} it does not set. Problems are collected with their JSON pointer
 * rather than thrown, so that one read reports everything wrong with a file.
 */
final class TermsReader {

    private final Path file;
    private final TermsTypes termsTypes;
    private final Set<String> knownFilters;
    private final List<DeclarationProblem> problems;
    private final boolean checkCss;

    /** @param knownFilters the filter names a declaration may use: built in, or exported by its filters files */
    TermsReader(Path file, TermsTypes termsTypes, Set<String> knownFilters, List<DeclarationProblem> problems) {
        this(file, termsTypes, knownFilters, problems, false);
    }

    /**
     * @param checkCss whether CSS selectors must parse as extraction parses them. For current
     *                 declarations, which a run is about to fetch; not for history entries, which
     *                 record what was declared, selectors jsoup cannot parse included (it refuses
     *                 attribute values of more than about a thousand characters).
     */
    TermsReader(Path file, TermsTypes termsTypes, Set<String> knownFilters, List<DeclarationProblem> problems, boolean checkCss) {
        this.file = file;
        this.termsTypes = termsTypes;
        this.knownFilters = knownFilters;
        this.problems = problems;
        this.checkCss = checkCss;
    }

    /** The terms, or {@code null} when it has problems (they were added to the list). */
    Terms read(String serviceId, String type, JsonNode node, String pointer) {
        int before = problems.size();
        LayoutSafeName.whyUnsafe(type).ifPresent(why ->
                problem(pointer, "terms type \"" + type + "\" " + why + ": it would escape the storage layout"));
        if (!termsTypes.isKnown(type) && LayoutSafeName.isSafe(type)) {
            problem(pointer, termsTypes.unknownTypeMessage(type));
        }
        if (!node.isObject()) {
            problem(pointer, "terms must be an object");
            return null;
        }
        List<SourceDocument> documents = new ArrayList<>();
        boolean combined = node.has("combine");
        if (combined) {
            JsonNode combine = node.get("combine");
            if (!combine.isArray() || combine.isEmpty()) {
                problem(pointer + "/combine", "combine must be a non-empty list of source documents");
                return null;
            }
            Keys parent = keys(node, pointer);
            Map<String, String> pointersById = new HashMap<>();
            for (int i = 0; i < combine.size(); i++) {
                JsonNode entry = combine.get(i);
                String entryPointer = pointer + "/combine/" + i;
                if (!entry.isObject()) {
                    problem(entryPointer, "a combined source document must be an object");
                    continue;
                }
                WebUrl url = location(entry, entryPointer);
                Keys own = keys(entry, entryPointer).inheriting(parent);
                if (url != null) {
                    URI location = url.toUri();
                    String id = SourceDocumentId.of(location);
                    String first = pointersById.putIfAbsent(id, entryPointer);
                    if (first != null) {
                        problem(entryPointer + "/fetch", "source document " + location + " has the same id \"" + id
                                + "\" as the one at " + first + ": a combine cannot hold the same document twice");
                        continue;
                    }
                    documents.add(new SourceDocument(id, location,
                            own.select, own.remove, own.filters, own.executeClientScripts, url.toString()));
                }
            }
        } else {
            WebUrl url = location(node, pointer);
            Keys own = keys(node, pointer);
            if (url != null) {
                documents.add(new SourceDocument(null, url.toUri(), own.select, own.remove, own.filters, own.executeClientScripts,
                        url.toString()));
            }
        }
        if (problems.size() > before) return null;
        return new Terms(serviceId, type, documents, combined);
    }

    private WebUrl location(JsonNode node, String pointer) {
        JsonNode fetch = node.get("fetch");
        if (fetch == null) {
            problem(pointer, "missing fetch (the URL of the document)");
            return null;
        }
        if (!fetch.isTextual()) {
            problem(pointer + "/fetch", "fetch must be a URL string");
            return null;
        }
        return Locations.httpUrl(fetch.asText()).orElseGet(() -> {
            problem(pointer + "/fetch", "fetch must be an http(s) URL, got \"" + fetch.asText() + "\"");
            return null;
        });
    }

    /** The keys a combined entry inherits; {@code null} fields mean "not set here". */
    private record Keys(List<Selector> select, List<Selector> remove, List<FilterRef> filters, Boolean executeClientScripts,
                        boolean hasSelect, boolean hasRemove, boolean hasFilters) {
        Keys inheriting(Keys parent) {
            return new Keys(hasSelect ? select : parent.select, hasRemove ? remove : parent.remove,
                    hasFilters ? filters : parent.filters,
                    executeClientScripts != null ? executeClientScripts : parent.executeClientScripts,
                    true, true, true);
        }
    }

    private Keys keys(JsonNode node, String pointer) {
        List<Selector> select = selectors(node.get("select"), pointer + "/select");
        List<Selector> remove = selectors(node.get("remove"), pointer + "/remove");
        List<FilterRef> filters = filters(node.get("filter"), pointer + "/filter");
        Boolean executeClientScripts = null;
        JsonNode ecs = node.get("executeClientScripts");
        if (ecs != null) {
            if (ecs.isBoolean()) executeClientScripts = ecs.booleanValue();
            else problem(pointer + "/executeClientScripts", "executeClientScripts must be true or false");
        }
        return new Keys(select, remove, filters, executeClientScripts,
                node.has("select"), node.has("remove"), node.has("filter"));
    }

    private List<Selector> selectors(JsonNode node, String pointer) {
        List<Selector> result = new ArrayList<>();
        if (node == null) return result;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Selector s = selector(node.get(i), pointer + "/" + i);
                if (s != null) result.add(s);
            }
        } else {
            Selector s = selector(node, pointer);
            if (s != null) result.add(s);
        }
        return result;
    }

    private Selector selector(JsonNode node, String pointer) {
        if (node.isTextual()) {
            if (node.asText().isBlank()) {
                problem(pointer, "empty CSS selector");
                return null;
            }
            if (!validCss(node.asText(), pointer)) return null;
            return new Selector.Css(node.asText());
        }
        if (node.isObject()) return range(node, pointer);
        problem(pointer, "a selector must be a CSS selector string or a range object");
        return null;
    }

    /**
     * Checks a CSS selector with the parser extraction uses (jsoup), so that a selector that can
     * never match is reported against its declaration before any page is fetched for it.
     */
    private boolean validCss(String css, String pointer) {
        if (!checkCss) return true;
        var problem = org.clausecam.extract.CssSelectorSyntax.problem(css);
        problem.ifPresent(why -> problem(pointer, "invalid CSS selector \"" + css + "\": " + why));
        return problem.isEmpty();
    }

    private Selector range(JsonNode node, String pointer) {
        String startBefore = null, startAfter = null, endBefore = null, endAfter = null;
        boolean ok = true;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (!List.of("startBefore", "startAfter", "endBefore", "endAfter").contains(key)) {
                problem(pointer + DeclarationProblem.token(key),
                        "unknown range key \"" + key + "\" (expected startBefore or startAfter, and endBefore or endAfter)");
                ok = false;
                continue;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                problem(pointer + DeclarationProblem.token(key), key + " must be a non-empty CSS selector");
                ok = false;
                continue;
            }
            if (!validCss(value.asText(), pointer + DeclarationProblem.token(key))) {
                ok = false;
                continue;
            }
            switch (key) {
                case "startBefore" -> startBefore = value.asText();
                case "startAfter" -> startAfter = value.asText();
                case "endBefore" -> endBefore = value.asText();
                default -> endAfter = value.asText();
            }
        }
        if (!ok) return null;
        if ((startBefore == null) == (startAfter == null) || (endBefore == null) == (endAfter == null)) {
            problem(pointer, "a range selector needs exactly one of startBefore/startAfter and exactly one of endBefore/endAfter");
            return null;
        }
        return new Selector.Range(startBefore, startAfter, endBefore, endAfter);
    }

    private List<FilterRef> filters(JsonNode node, String pointer) {
        List<FilterRef> result = new ArrayList<>();
        if (node == null) return result;
        if (!node.isArray()) {
            problem(pointer, "filter must be a list of filter names or {\"name\": params} objects");
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String entryPointer = pointer + "/" + i;
            FilterRef filter = null;
            if (entry.isTextual() && !entry.asText().isBlank()) {
                filter = new FilterRef(entry.asText(), null);
            } else if (entry.isObject() && entry.size() == 1) {
                Map.Entry<String, JsonNode> only = entry.properties().iterator().next();
                if (only.getKey().isBlank()) problem(entryPointer, "empty filter name");
                else filter = new FilterRef(only.getKey(), only.getValue());
            } else {
                problem(entryPointer, "a filter must be a name or an object with exactly one key, {\"name\": params}");
            }
            if (filter == null) continue;
            if (knownFilters.contains(filter.name())) result.add(filter);
            else problem(entryPointer, unknownFilterMessage(filter.name()));
        }
        return result;
    }

    static String unknownFilterMessage(String name) {
        return "unknown filter \"" + name + "\": neither built in nor exported by the service's filters files";
    }

    private void problem(String pointer, String message) {
        problems.add(new DeclarationProblem(file, pointer, message));
    }

    /**
     * Parsing of fetch URLs as a browser (and Open Terms Archive, with Node's {@code URL}) parses
     * them: the WHATWG URL Standard, so that spaces, {@code [}, {@code |} and non-ASCII in a path
     * are accepted and percent-encoded, hosts go through IDNA, and what the agent fetches is the
     * URL the browser would.
     */
    static final class Locations {
        private Locations() {}

        static Optional<WebUrl> httpUrl(String text) {
            Optional<WebUrl> parsed = WebUrl.parse(text, null);
            if (parsed.isEmpty()) return Optional.empty();
            WebUrl url = parsed.get();
            if (!url.scheme().equals("http") && !url.scheme().equals("https")) return Optional.empty();
            try {
                url.toUri();
                return Optional.of(url);
            } catch (IllegalArgumentException e) {
                // Nothing the standard accepts in an http(s) URL is expected here: toUri escapes what
                // java.net.URI refuses, and hosts it cannot read as server names ("a_b.example") it
                // keeps as registry names. Refused as not a URL rather than failing later.
                return Optional.empty();
            }
        }
    }
}
