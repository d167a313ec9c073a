package org.clausecam.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clausecam.diff.VisualDiff;
import org.clausecam.diff.VisualDiffException;
import org.clausecam.diff.VisualDiffResult;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The visual difference of two screenshots, computed once per pair: its measures (share of
 * changed pixels, changed regions) are kept in {@code visual/<older>-<newer>.json}, so a later
 * run reuses them instead of comparing tall screenshots again. The difference picture is never
 * drawn whole (it would weigh as much as a screenshot): crops of it are painted from the newer
 * screenshot's rows ({@link PreviewFiles}).
 */
final class VisualDiffFiles {

    static final String FOLDER = "visual/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a report shows of a visual difference: regions top to bottom, on a canvas of width × height. */
    record Comparison(double changedShare, List<Rectangle> regions, int width, int height) {
        Comparison {
            regions = regions.stream().map(Rectangle::new).toList();
        }
    }

    private final SiteFiles files;
    private final List<String> problems;
    private final VisualDiff visualDiff = new VisualDiff();
    private int computed;
    private int reused;

    VisualDiffFiles(SiteFiles files, List<String> problems) {
        this.files = files;
        this.problems = problems;
    }

    static String name(String olderSha, String newerSha) {
        return olderSha + "-" + newerSha;
    }

    /** The measures an earlier run kept, or null. */
    Comparison existing(String olderSha, String newerSha) {
        String measures = FOLDER + name(olderSha, newerSha) + ".json";
        if (!files.exists(measures)) return null;
        Comparison earlier = read(files.resolve(measures));
        if (earlier != null) reused++;
        return earlier;
    }

    /** Compares two screenshot files and keeps the measures; null (with a problem naming {@code context}) when it failed. */
    Comparison compare(String olderSha, Path older, String newerSha, Path newer, String context) throws IOException {
        try {
            VisualDiffResult result = visualDiff.compare(older, newer);
            files.writeBytes(FOLDER + name(olderSha, newerSha) + ".json",
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json(result)));
            computed++;
            return new Comparison(result.changedShare(), result.regions(), result.width(), result.height());
        } catch (VisualDiffException e) {
            problems.add(context + ": visual difference not computed: " + e.getMessage());
            return null;
        }
    }

    private static ObjectNode json(VisualDiffResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("changedShare", result.changedShare());
        node.put("width", result.width());
        node.put("height", result.height());
        ArrayNode regions = node.putArray("regions");
        for (Rectangle r : result.regions()) {
            regions.addObject().put("x", r.x).put("y", r.y).put("width", r.width).put("height", r.height);
        }
        return node;
    }

    /** The measures of an earlier run, or null when the file is not what this class writes (then it is redone). */
    private static Comparison read(Path measures) {
        try {
            JsonNode node = JSON.readTree(measures.toFile());
            if (!node.path("changedShare").isNumber() || !node.path("regions").isArray()) return null;
            List<Rectangle> regions = new ArrayList<>();
            for (JsonNode r : node.get("regions")) {
                regions.add(new Rectangle(r.path("x").asInt(), r.path("y").asInt(), r.path("width").asInt(), r.path("height").asInt()));
            }
            return new Comparison(node.get("changedShare").asDouble(), regions, node.path("width").asInt(), node.path("height").asInt());
        } catch (IOException unreadable) {
            // A damaged measures file is only a cache: computing the difference again replaces it.
            return null;
        }
    }

    int computed() {
        return computed;
    }

    int reused() {
        return reused;
    }
}
