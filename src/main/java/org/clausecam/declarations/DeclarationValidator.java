package org.clausecam.declarations;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.clausecam.extract.CssSelectorSyntax;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.net.URI;
import org.clausecam.url.WebUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks declaration files: against the JSON Schema of the Open Terms Archive format
 * ({@code declarations.schema.json}), then for what a schema cannot say — known terms types,
 * http(s) URLs, names that stay inside the storage layout, range selectors with one start and
 * one end, no source document twice in a combine, filters that exist. Every problem is one
 * {@link DeclarationProblem}. Build one validator and reuse it: the schema is compiled once.
 */
public final class DeclarationValidator {

    /** Filters Clausecam provides without a {@code .filters.js}. */
    public static final Set<String> BUILT_IN_FILTERS = Set.of("removeQueryParams");

    private static final String SCHEMA = "classpath:org/clausecam/declarations/declarations.schema.json";

    private final JsonSchema declarationSchema;
    private final JsonSchema historySchema;
    private final TermsTypes termsTypes;

    /** @param termsTypes the types the collection's declarations may use ({@link TermsTypes#forDeclarations}) */
    public DeclarationValidator(TermsTypes termsTypes) {
        this.termsTypes = termsTypes;
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        declarationSchema = factory.getSchema(SchemaLocation.of(SCHEMA), config);
        historySchema = factory.getSchema(SchemaLocation.of(SCHEMA + "#/definitions/historyFile"), config);
        declarationSchema.initializeValidators();
        historySchema.initializeValidators();
    }

    /** What validating a folder found. */
    public record Report(int filesChecked, List<DeclarationProblem> problems) {
        public Report {
            problems = List.copyOf(problems);
        }
    }

    /** Whether a file name is one this validator checks: {@code <Service>.json} or {@code <Service>.history.json}. */
    public static boolean isDeclarationFile(Path file) {
        return file.getFileName().toString().endsWith(".json");
    }

    /** Validates every {@code .json} and {@code .history.json} of a folder, in name order. */
    public Report validateFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> Files.isRegularFile(p) && isDeclarationFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        List<DeclarationProblem> problems = new ArrayList<>();
        for (Path file : files) problems.addAll(validateFile(file));
        return new Report(files.size(), problems);
    }

    /** Validates one {@code <Service>.json} or {@code <Service>.history.json}; filters are looked up next to it. */
    public List<DeclarationProblem> validateFile(Path file) {
        String fileName = file.getFileName().toString();
        boolean history = fileName.endsWith(".history.json");
        String serviceId = fileName.substring(0, fileName.length() - (history ? ".history.json" : ".json").length());
        List<DeclarationProblem> problems = new ArrayList<>();

        LayoutSafeName.whyUnsafe(serviceId).ifPresent(why -> problems.add(new DeclarationProblem(file, "",
                "service name \"" + serviceId + "\" " + why + ": it would escape the storage layout")));

        JsonNode root;
        try {
            root = DeclarationLoader.JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.add(DeclarationLoader.malformed(file, e));
            return problems;
        } catch (IOException e) {
            problems.add(new DeclarationProblem(file, "", "cannot read file: " + e.getMessage()));
            return problems;
        }
        if (root == null || root.isMissingNode()) {
            problems.add(new DeclarationProblem(file, "", "empty file"));
            return problems;
        }

        for (ValidationMessage message : (history ? historySchema : declarationSchema).validate(root)) {
            problems.add(SchemaMessages.toProblem(file, message));
        }
        if (!root.isObject()) return sorted(problems);

        Path folder = file.toAbsolutePath().getParent();
        Set<String> filters = new HashSet<>(BUILT_IN_FILTERS);
        filters.addAll(FiltersAtDate.exportedNames(readQuietly(folder.resolve(serviceId + ".filters.js"))));
        if (history) filters.addAll(FiltersAtDate.historyNames(readQuietly(folder.resolve(serviceId + ".filters.history.js"))));
        SemanticChecks checks = new SemanticChecks(file, termsTypes, filters, problems);

        if (history) {
            for (Map.Entry<String, JsonNode> type : root.properties()) {
                String pointer = DeclarationProblem.token(type.getKey());
                checks.termsType(type.getKey(), pointer);
                if (!type.getValue().isArray()) continue;
                for (int i = 0; i < type.getValue().size(); i++) checks.terms(type.getValue().get(i), pointer + "/" + i);
            }
        } else {
            String termsKey = root.has("terms") ? "terms" : "documents";
            JsonNode terms = root.path(termsKey);
            for (Map.Entry<String, JsonNode> type : terms.properties()) {
                String pointer = "/" + termsKey + DeclarationProblem.token(type.getKey());
                checks.termsType(type.getKey(), pointer);
                checks.terms(type.getValue(), pointer);
            }
        }
        return sorted(problems);
    }

    private static List<DeclarationProblem> sorted(List<DeclarationProblem> problems) {
        // The schema library reports in no stable order; sorted output diffs cleanly between runs.
        problems.sort(Comparator.comparing(DeclarationProblem::pointer).thenComparing(DeclarationProblem::message));
        return problems;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            // An unreadable filters file makes its filters unknown: that is reported as such.
            return null;
        }
    }

    /** The checks a JSON Schema cannot express, over a tree that may also have schema problems. */
    private static final class SemanticChecks {
        private final Path file;
        private final TermsTypes termsTypes;
        private final Set<String> filters;
        private final List<DeclarationProblem> problems;

        SemanticChecks(Path file, TermsTypes termsTypes, Set<String> filters, List<DeclarationProblem> problems) {
            this.file = file;
            this.termsTypes = termsTypes;
            this.filters = filters;
            this.problems = problems;
        }

        void termsType(String type, String pointer) {
            var unsafe = LayoutSafeName.whyUnsafe(type);
            if (unsafe.isPresent()) {
                problem(pointer, "terms type \"" + type + "\" " + unsafe.get() + ": it would escape the storage layout");
            } else if (!termsTypes.isKnown(type)) {
                problem(pointer, termsTypes.unknownTypeMessage(type));
            }
        }

        void terms(JsonNode terms, String pointer) {
            if (!terms.isObject()) return;
            keys(terms, pointer);
            JsonNode combine = terms.get("combine");
            if (combine == null) {
                fetch(terms, pointer);
                return;
            }
            if (!combine.isArray()) return;
            Map<String, String> seenLocations = new HashMap<>();
            Map<String, String> seenIds = new HashMap<>();
            for (int i = 0; i < combine.size(); i++) {
                JsonNode entry = combine.get(i);
                String entryPointer = pointer + "/combine/" + i;
                if (!entry.isObject()) continue;
                keys(entry, entryPointer);
                URI location = fetch(entry, entryPointer);
                if (location == null) continue;
                String previous = seenLocations.putIfAbsent(location.toString(), entryPointer);
                if (previous != null) {
                    problem(entryPointer + "/fetch", "duplicate source document " + location + " (also at " + previous + ")");
                    continue;
                }
                String id = SourceDocumentId.of(location);
                String sameId = seenIds.putIfAbsent(id, entryPointer);
                if (sameId != null) {
                    problem(entryPointer + "/fetch", "source document id \"" + id + "\" of " + location
                            + " is also the id of the document at " + sameId + ": their snapshots would overwrite each other");
                }
            }
        }

        private URI fetch(JsonNode node, String pointer) {
            JsonNode fetch = node.get("fetch");
            if (fetch == null || !fetch.isTextual() || fetch.asText().isEmpty()) return null;
            return TermsReader.Locations.httpUrl(fetch.asText()).map(WebUrl::toUri).orElseGet(() -> {
                problem(pointer + "/fetch", "fetch must be an http(s) URL, got \"" + fetch.asText() + "\"");
                return null;
            });
        }

        private void keys(JsonNode node, String pointer) {
            selectors(node.get("select"), pointer + "/select");
            selectors(node.get("remove"), pointer + "/remove");
            JsonNode filter = node.get("filter");
            if (filter != null && filter.isArray()) {
                for (int i = 0; i < filter.size(); i++) {
                    JsonNode entry = filter.get(i);
                    String name = entry.isTextual() ? entry.asText()
                            : entry.isObject() && entry.size() == 1 ? entry.fieldNames().next() : null;
                    if (name != null && !name.isEmpty() && !filters.contains(name)) {
                        problem(pointer + "/filter/" + i, TermsReader.unknownFilterMessage(name));
                    }
                }
            }
        }

        private void selectors(JsonNode node, String pointer) {
            if (node == null) return;
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) range(node.get(i), pointer + "/" + i);
            } else {
                range(node, pointer);
            }
        }

        private void range(JsonNode node, String pointer) {
            if (node.isTextual()) {
                css(node.asText(), pointer);
                return;
            }
            if (!node.isObject()) return;
            for (String key : List.of("startBefore", "startAfter", "endBefore", "endAfter")) {
                JsonNode css = node.get(key);
                if (css != null && css.isTextual()) css(css.asText(), pointer + "/" + key);
            }
            boolean oneStart = node.has("startBefore") != node.has("startAfter");
            boolean oneEnd = node.has("endBefore") != node.has("endAfter");
            if (!oneStart || !oneEnd) {
                problem(pointer, "a range selector needs exactly one of startBefore/startAfter and exactly one of endBefore/endAfter");
            }
        }

        /** The check the loader makes before a capture, so that validate catches what track would reject. */
        private void css(String css, String pointer) {
            if (css.isBlank()) return;
            CssSelectorSyntax.problem(css).ifPresent(why -> problem(pointer, "invalid CSS selector \"" + css + "\": " + why));
        }

        private void problem(String pointer, String message) {
            problems.add(new DeclarationProblem(file, pointer, message));
        }
    }
}
