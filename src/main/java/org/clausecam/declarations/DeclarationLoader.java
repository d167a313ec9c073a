package org.clausecam.declarations;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads an Open Terms Archive declarations folder: {@code <Service>.json} (the current
 * declaration), {@code <Service>.history.json}, {@code <Service>.filters.js} and
 * {@code <Service>.filters.history.js}. A service is read on its own, without reading the
 * others; reading the whole folder never stops at a broken file.
 */
public final class DeclarationLoader {

    // Trailing content after the JSON value is a broken file, not something to ignore.
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path folder;
    private final TermsTypes termsTypes;

    /** @param termsTypes the types the collection's declarations may use ({@link TermsTypes#forDeclarations}) */
    public DeclarationLoader(Path folder, TermsTypes termsTypes) {
        this.folder = folder;
        this.termsTypes = termsTypes;
    }

    /**
     * A loader with the terms types that apply to the folder: the collection's own list beside
     * it, else the standard one.
     */
    public static DeclarationLoader forCollection(Path folder) throws TermsTypesException {
        return new DeclarationLoader(folder, TermsTypes.forDeclarations(folder));
    }

    public TermsTypes termsTypes() { return termsTypes; }

    public Path folder() { return folder; }

    /** Where a service's filters are ({@code <Service>.filters.js}), whether or not the file exists. */
    public Path filtersFile(String serviceId) { return folder.resolve(serviceId + ".filters.js"); }

    /** Ids of the services declared in the folder ({@code <id>.json}), sorted. */
    public List<String> serviceIds() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(DeclarationLoader::isServiceFileName)
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }

    static boolean isServiceFileName(String name) {
        return name.endsWith(".json") && !name.endsWith(".history.json");
    }

    /** The current declaration of one service. */
    public Declaration load(String serviceId) throws DeclarationException {
        return declarationAt(serviceId, null);
    }

    /**
     * The declaration of one service as it applied at {@code date}: per terms type, the first
     * history entry (by {@code validUntil}) valid at or after the date, else the current one;
     * filters likewise. A {@code null} date means now: the current declaration.
     */
    public Declaration declarationAt(String serviceId, Instant date) throws DeclarationException {
        Path file = folder.resolve(serviceId + ".json");
        List<DeclarationProblem> problems = new ArrayList<>();
        LayoutSafeName.whyUnsafe(serviceId).ifPresent(why -> problems.add(new DeclarationProblem(file, "",
                "service name \"" + serviceId + "\" " + why + ": it would escape the storage layout")));
        if (!problems.isEmpty()) throw new DeclarationException(serviceId, problems);

        JsonNode root = readJson(serviceId, file);
        if (!root.isObject()) {
            throw new DeclarationException(serviceId, List.of(new DeclarationProblem(file, "", "a declaration must be a JSON object")));
        }
        String name = serviceId;
        JsonNode nameNode = root.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
            problems.add(new DeclarationProblem(file, "/name", "missing service name"));
        } else {
            name = nameNode.asText();
        }
        String filtersSource = readText(serviceId, filtersFile(serviceId));
        String filtersHistory = date == null ? null : readText(serviceId, folder.resolve(serviceId + ".filters.history.js"));
        String termsKey = root.has("terms") ? "terms" : root.has("documents") ? "documents" : null;
        Map<String, Terms> terms = new LinkedHashMap<>();
        if (termsKey == null) {
            problems.add(new DeclarationProblem(file, "", "missing terms"));
        } else if (!root.get(termsKey).isObject()) {
            problems.add(new DeclarationProblem(file, "/" + termsKey, termsKey + " must be an object mapping terms types to terms"));
        } else {
            DeclarationHistory history = date == null ? DeclarationHistory.empty() : history(serviceId);
            Set<String> currentFilters = new HashSet<>(DeclarationValidator.BUILT_IN_FILTERS);
            currentFilters.addAll(FiltersAtDate.exportedNames(filtersSource));
            Set<String> historyFilters = new HashSet<>(currentFilters);
            historyFilters.addAll(FiltersAtDate.historyNames(filtersHistory));
            TermsReader currentReader = new TermsReader(file, termsTypes, currentFilters, problems, true);
            TermsReader historyReader = new TermsReader(historyFile(serviceId), termsTypes, historyFilters, problems);
            for (Map.Entry<String, JsonNode> field : root.get(termsKey).properties()) {
                String type = field.getKey();
                DeclarationHistory.Entry earlier = date == null ? null : history.at(type, date);
                Terms read = earlier != null
                        ? historyReader.read(serviceId, type, earlier.terms(), earlier.pointer())
                        : currentReader.read(serviceId, type, field.getValue(), "/" + termsKey + DeclarationProblem.token(type));
                if (read != null) terms.put(type, read);
            }
            // Terms the service no longer declares still existed at dates their history covers.
            for (String type : history.types()) {
                if (root.get(termsKey).has(type)) continue;
                DeclarationHistory.Entry earlier = history.at(type, date);
                if (earlier == null) continue;
                Terms read = historyReader.read(serviceId, type, earlier.terms(), earlier.pointer());
                if (read != null) terms.put(type, read);
            }
        }
        if (!problems.isEmpty()) throw new DeclarationException(serviceId, problems);

        return new Declaration(serviceId, name, terms,
                date == null ? filtersSource : FiltersAtDate.compose(filtersSource, filtersHistory, date));
    }

    private Path historyFile(String serviceId) {
        return folder.resolve(serviceId + ".history.json");
    }

    private DeclarationHistory history(String serviceId) throws DeclarationException {
        Path file = historyFile(serviceId);
        if (!Files.exists(file)) return DeclarationHistory.empty();
        List<DeclarationProblem> problems = new ArrayList<>();
        DeclarationHistory history = DeclarationHistory.read(file, readJson(serviceId, file), problems);
        if (!problems.isEmpty()) throw new DeclarationException(serviceId, problems);
        return history;
    }

    /** Every service's current declaration; broken ones are reported in {@link LoadedDeclarations#problems()}. */
    public LoadedDeclarations loadAll() throws IOException {
        return loadAll(null);
    }

    /** Every service's declaration at {@code date} ({@code null}: current). */
    public LoadedDeclarations loadAll(Instant date) throws IOException {
        List<Declaration> ok = new ArrayList<>();
        List<DeclarationProblem> problems = new ArrayList<>();
        for (String serviceId : serviceIds()) {
            try {
                ok.add(declarationAt(serviceId, date));
            } catch (DeclarationException e) {
                problems.addAll(e.problems());
            }
        }
        return new LoadedDeclarations(ok, problems);
    }

    /** Parses a JSON file; a syntax error becomes a problem that gives its line and column. */
    static JsonNode readJson(String serviceId, Path file) throws DeclarationException {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new DeclarationException(serviceId, List.of(new DeclarationProblem(file, "", "empty file")));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new DeclarationException(serviceId, malformed(file, e), e);
        } catch (IOException e) {
            throw new DeclarationException(serviceId, new DeclarationProblem(file, "", unreadable(e)), e);
        }
    }

    static DeclarationProblem malformed(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new DeclarationProblem(file, "", "malformed JSON" + where + ": " + e.getOriginalMessage());
    }

    private static String unreadable(IOException e) {
        return e instanceof NoSuchFileException || e instanceof java.io.FileNotFoundException
                ? "no such file" : "cannot read file: " + e.getMessage();
    }

    /** The file's text, or {@code null} when it does not exist. */
    static String readText(String serviceId, Path file) throws DeclarationException {
        if (!Files.exists(file)) return null;
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeclarationException(serviceId, new DeclarationProblem(file, "", unreadable(e)), e);
        }
    }
}
