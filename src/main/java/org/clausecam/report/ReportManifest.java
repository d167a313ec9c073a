package org.clausecam.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clausecam.store.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each page of a report was made from, kept in {@code report-manifest.json}: per page, the
 * hash of its inputs (the records it shows, its neighbours, the report's settings and format),
 * and the words of the change it shows for the search index. A later run skips a page whose
 * inputs did not change without reading a blob from the store, so a daily run over a large
 * store renders only the new pages.
 */
final class ReportManifest {

    static final String FILE = "report-manifest.json";

    /** Raised whenever what a page looks like for the same inputs changes. */
    static final String FORMAT = "clausecam-report-2";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param words the changed words of a change page, else empty */
    record Entry(String inputs, String words) {
    }

    private final SiteFiles files;
    private final Map<String, Entry> entries = new TreeMap<>();
    private int skipped;

    private ReportManifest(SiteFiles files) {
        this.files = files;
    }

    /** The manifest of an earlier run in this folder, or an empty one (every page is then rendered). */
    static ReportManifest read(SiteFiles files) {
        ReportManifest manifest = new ReportManifest(files);
        if (!files.exists(FILE)) return manifest;
        try {
            JsonNode pages = JSON.readTree(files.resolve(FILE).toFile()).path("pages");
            for (Map.Entry<String, JsonNode> e : pages.properties()) {
                manifest.entries.put(e.getKey(), new Entry(e.getValue().path("inputs").asText(), e.getValue().path("words").asText("")));
            }
        } catch (IOException unreadable) {
            // Only a cache: without it every page is rendered again, which rebuilds it.
            manifest.entries.clear();
        }
        return manifest;
    }

    /** The hash naming a page's inputs, each given as text. */
    static String inputs(String... parts) {
        StringBuilder all = new StringBuilder(FORMAT);
        for (String part : parts) all.append('\u0000').append(part);
        return Sha256.hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The page's entry when it was made from these inputs and is still there, else null. */
    Entry unchanged(String page, String inputs) {
        Entry entry = entries.get(page);
        if (entry == null || !entry.inputs().equals(inputs) || !files.exists(page)) return null;
        skipped++;
        return entry;
    }

    void put(String page, String inputs, String words) {
        entries.put(page, new Entry(inputs, words == null ? "" : words));
    }

    void write() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode pages = root.putObject("pages");
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            ObjectNode page = pages.putObject(e.getKey()).put("inputs", e.getValue().inputs());
            if (!e.getValue().words().isEmpty()) page.put("words", e.getValue().words());
        }
        files.writeText(FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /** Pages left as they were because their inputs did not change. */
    int skipped() {
        return skipped;
    }
}
