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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The visual difference of two screenshots, computed once per pair: the picture goes to
 * {@code visual/<older>-<newer>.png} and the measures beside it in a small JSON file, so a later
 * run reuses both instead of comparing tall screenshots again.
 */
final class VisualDiffFiles {

    static final String FOLDER = "visual/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a report shows of a visual difference. */
    record Comparison(String picture, double changedShare, int regions, int width, int height) {
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

    /** The comparison of two screenshot files of the report, or null (with a problem) when it failed. */
    Comparison compare(String olderSha, String olderFile, String newerSha, String newerFile, String context) throws IOException {
        String base = FOLDER + olderSha + "-" + newerSha;
        String picture = base + ".png";
        String measures = base + ".json";
        if (files.exists(picture) && files.exists(measures)) {
            Comparison earlier = read(picture, files.resolve(measures));
            if (earlier != null) {
                reused++;
                return earlier;
            }
        }
        Path temporary = files.temporaryFor(picture);
        try {
            VisualDiffResult result = visualDiff.compare(files.resolve(olderFile), files.resolve(newerFile), temporary);
            files.moveIntoPlace(temporary, picture);
            files.writeBytes(measures, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json(result)));
            computed++;
            return new Comparison(picture, result.changedShare(), result.regions().size(), result.width(), result.height());
        } catch (VisualDiffException e) {
            problems.add(context + ": visual difference not computed: " + e.getMessage());
            return null;
        } finally {
            Files.deleteIfExists(temporary);
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
    private static Comparison read(String picture, Path measures) {
        try {
            JsonNode node = JSON.readTree(measures.toFile());
            if (!node.path("changedShare").isNumber() || !node.path("regions").isArray()) return null;
            return new Comparison(picture, node.get("changedShare").asDouble(), node.get("regions").size(),
                    node.path("width").asInt(), node.path("height").asInt());
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
