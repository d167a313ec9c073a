package org.clausecam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.fetch.FaultServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every failure of a run has a class, the same in the text summary (counts per class) and in the
 * {@code --log-format json} events: transient, permanent, blocked, inaccessible-content,
 * suspicious-version, declaration.
 */
class FailureClassesTrackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void eachFailureIsClassifiedInTheSummaryAndInTheJsonEvents() throws Exception {
        try (FaultServer server = FaultServer.start()) {
            server.page("/shrinking", "<html><body><main>" + "<p>A long clause of the terms that will vanish.</p>".repeat(40)
                    + "</main></body></html>");
            Path declarations = Files.createDirectories(work.resolve("declarations"));
            declare(declarations, "Shrinking", server.url("/shrinking").toString(), "main");
            String store = "file:" + work.resolve("store");
            String[] common = {"track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network",
                    "--no-screenshots", "--max-attempts", "2", "--retry-backoff", "10", "--host-delay", "0", "--host-concurrency", "2"};
            assertEquals(0, CliRun.run(common).exit(), "the first version of Shrinking is recorded");

            server.page("/shrinking", "<html><body><main><p>Gone.</p></main></body></html>");
            declare(declarations, "Gone", server.url("/status/404/terms").toString(), "body");
            declare(declarations, "Down", server.url("/status/503/terms").toString(), "body");
            declare(declarations, "Walled", server.url("/challenge/terms").toString(), "body");
            declare(declarations, "Empty", server.url("/ok/empty").toString(), "#not-on-the-page");
            Files.writeString(declarations.resolve("Broken.json"), "{ \"name\": ");
            List<String> args = new ArrayList<>(List.of(common));
            args.addAll(List.of("--log-format", "json"));
            CliRun run = CliRun.run(args.toArray(String[]::new));
            System.out.println(run.output());

            assertEquals(2, run.exit(), "a declaration that cannot be read outranks page failures:\n" + run.output());
            Map<String, String> classOf = new HashMap<>();
            JsonNode finished = null;
            JsonNode problem = null;
            for (String line : run.output().lines().toList()) {
                JsonNode event = JSON.readTree(line);
                switch (event.get("event").asText()) {
                    case "terms-finished" -> {
                        if (event.has("failure")) {
                            classOf.put(event.get("service").asText(), event.get("failure").asText());
                            assertTrue(event.get("failure").asText().equals("suspicious-version")
                                            || event.get("reason").asText().contains("http://127.0.0.1:" + server.port() + "/"),
                                    "a reason names the URL: " + event);
                        }
                    }
                    case "run-finished" -> finished = event;
                    case "declaration-problem" -> problem = event;
                    default -> { }
                }
            }
            assertEquals(Map.of("Gone", "permanent", "Down", "transient", "Walled", "blocked",
                    "Empty", "inaccessible-content", "Shrinking", "suspicious-version"), classOf);
            assertEquals("declaration", problem.get("failure").asText());
            assertTrue(problem.get("problem").asText().contains("Broken.json: /: malformed JSON"), problem.toString());
            assertEquals(5, finished.get("failed").asInt());
            assertEquals(1, finished.get("declarationProblems").asInt());
            assertEquals(JSON.readTree("{\"permanent\":1,\"transient\":1,\"blocked\":1,\"inaccessible-content\":1,"
                    + "\"suspicious-version\":1}"), finished.get("failures"));
            assertTrue(finished.get("fetching").get("maxInFlightPerHost").asInt() <= 2, finished.toString());
            assertEquals(6, finished.get("fetching").get("requests").asInt(), "one each, and one retry of the 503: " + finished);
            assertEquals(1, finished.get("fetching").get("retries").asInt(), finished.toString());

            CliRun text = CliRun.run(common);
            assertTrue(text.output().contains(" failed (1 blocked, 1 inaccessible-content, 1 permanent, 1 suspicious-version,"
                    + " 1 transient), 1 declaration problems"), text.output());
        }
    }

    private static void declare(Path folder, String service, String url, String select) throws Exception {
        Files.writeString(folder.resolve(service + ".json"), """
                { "name": "%s", "terms": { "Terms of Service": { "fetch": "%s", "select": ["%s"], "executeClientScripts": false } } }
                """.formatted(service, url, select));
    }
}
