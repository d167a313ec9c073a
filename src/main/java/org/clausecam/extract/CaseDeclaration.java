package org.clausecam.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clausecam.declarations.FilterRef;
import org.clausecam.declarations.Selector;
import org.clausecam.declarations.SourceDocument;

/**
 * Just enough of an Open Terms Archive declaration to extract one terms: its source documents
 * with select/remove/filter, {@code combine} entries inheriting their parent's keys. Stands in
 * for the declarations package's loader in the parity check, kept apart so it can be replaced.
 */
final class CaseDeclaration {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseDeclaration() {
    }

    static List<SourceDocument> sourceDocuments(Path declarationFile, String termsType) throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(declarationFile));
        JsonNode terms = root.has("terms") ? root.get("terms") : root.get("documents");
        JsonNode entry = terms == null ? null : terms.get(termsType);
        if (entry == null) throw new IOException(declarationFile + ": no terms \"" + termsType + "\"");
        List<SourceDocument> documents = new ArrayList<>();
        if (entry.has("combine")) {
            for (JsonNode part : entry.get("combine")) documents.add(sourceDocument(part, entry));
        } else {
            documents.add(sourceDocument(entry, null));
        }
        return documents;
    }

    private static SourceDocument sourceDocument(JsonNode node, JsonNode parent) {
        JsonNode fetch = inherited(node, parent, "fetch");
        JsonNode scripts = inherited(node, parent, "executeClientScripts");
        return new SourceDocument(null,
                fetch == null ? null : URI.create(fetch.asText()),
                selectors(inherited(node, parent, "select")),
                selectors(inherited(node, parent, "remove")),
                filters(inherited(node, parent, "filter")),
                scripts == null ? null : scripts.asBoolean());
    }

    private static JsonNode inherited(JsonNode node, JsonNode parent, String key) {
        if (node.has(key)) return node.get(key);
        return parent == null ? null : parent.get(key);
    }

    static List<Selector> selectors(JsonNode value) {
        List<Selector> selectors = new ArrayList<>();
        if (value == null || value.isNull()) return selectors;
        if (value.isArray()) {
            for (JsonNode item : value) selectors.add(selector(item));
        } else {
            selectors.add(selector(value));
        }
        return selectors;
    }

    private static Selector selector(JsonNode value) {
        if (value.isTextual()) return new Selector.Css(value.asText());
        return new Selector.Range(text(value, "startBefore"), text(value, "startAfter"), text(value, "endBefore"), text(value, "endAfter"));
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }

    private static List<FilterRef> filters(JsonNode value) {
        List<FilterRef> filters = new ArrayList<>();
        if (value == null || value.isNull()) return filters;
        for (JsonNode item : value.isArray() ? value : JSON.createArrayNode().add(value)) {
            if (item.isTextual()) {
                filters.add(new FilterRef(item.asText(), null));
            } else {
                for (Map.Entry<String, JsonNode> e : item.properties()) {
                    filters.add(new FilterRef(e.getKey(), e.getValue()));
                }
            }
        }
        return filters;
    }
}
