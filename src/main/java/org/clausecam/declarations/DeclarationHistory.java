package org.clausecam.declarations;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code .history.json}: for each terms type, the declarations it had before, each
 * valid until a date. At a given date the first entry (by {@code validUntil}) that is still
 * valid then applies; past the last one, the current declaration does.
 */
final class DeclarationHistory {

    /** One earlier declaration of a terms, and where it sits in the file. */
    record Entry(Instant validUntil, JsonNode terms, String pointer) {}

    private final Map<String, List<Entry>> entriesByType;

    private DeclarationHistory(Map<String, List<Entry>> entriesByType) {
        this.entriesByType = entriesByType;
    }

    static DeclarationHistory empty() {
        return new DeclarationHistory(Map.of());
    }

    /** Reads the history's structure and dates; problems are added to the list. */
    static DeclarationHistory read(Path file, JsonNode root, List<DeclarationProblem> problems) {
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        if (!root.isObject()) {
            problems.add(new DeclarationProblem(file, "", "a history must be a JSON object mapping terms types to lists of earlier declarations"));
            return new DeclarationHistory(entries);
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String typePointer = DeclarationProblem.token(field.getKey());
            if (!field.getValue().isArray()) {
                problems.add(new DeclarationProblem(file, typePointer, "must be a list of earlier declarations"));
                continue;
            }
            List<Entry> list = new ArrayList<>();
            for (int i = 0; i < field.getValue().size(); i++) {
                JsonNode entry = field.getValue().get(i);
                String pointer = typePointer + "/" + i;
                JsonNode validUntil = entry.get("validUntil");
                if (validUntil == null) {
                    problems.add(new DeclarationProblem(file, pointer, "missing validUntil"));
                    continue;
                }
                Instant until = parseDate(validUntil.asText());
                if (!validUntil.isTextual() || until == null) {
                    problems.add(new DeclarationProblem(file, pointer + "/validUntil",
                            "validUntil must be an ISO 8601 date-time with a time zone, got " + validUntil));
                    continue;
                }
                list.add(new Entry(until, entry, pointer));
            }
            list.sort(Comparator.comparing(Entry::validUntil));
            entries.put(field.getKey(), list);
        }
        return new DeclarationHistory(entries);
    }

    static Instant parseDate(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    Iterable<String> types() {
        return entriesByType.keySet();
    }

    /** The history entry that applies to {@code type} at {@code date}, or {@code null}: the current declaration applies. */
    Entry at(String type, Instant date) {
        for (Entry entry : entriesByType.getOrDefault(type, List.of())) {
            if (!entry.validUntil().isBefore(date)) return entry;
        }
        return null;
    }
}
