package org.clausecam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.LayoutStore;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees while {@code track} runs, through the real command against loopback
 * pages: the start line and one {@code [n/N]} line per terms in plain text, and with
 * {@code --log-format json} events that name the URLs, fetchers and the hashes the store holds.
 */
class TrackProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TERMS_LINE = Pattern.compile(
            "\\[(\\d+)/3] (.+?): (first record|changed|unchanged|technical|failed: [a-z-]+: .+) in \\d+\\.\\d s");

    @TempDir
    Path dir;

    @Test
    void plainLinesSayTheRunsSizeThenEachTermsWithItsCountStatusAndDuration() throws Exception {
        try (FixtureSite site = site()) {
            String store = "file:" + dir.resolve("data");
            assertEquals(1, track(site, store, false, "--no-progress").exit(), "first run");
            site.html("/tos", "<html><body><main><p>We may change these terms at any time.</p></main></body></html>");

            CliRun run = track(site, store, false, "--no-progress", "--concurrency", "2");

            assertEquals(1, run.exit(), run.output());
            List<String> lines = run.output().lines().toList();
            assertEquals("tracking 3 terms on 1 host: 4 workers, 2 pages in flight, 2 browser captures; store " + store
                    + "; screenshots off", lines.get(0), run.output());
            Map<String, String> statusByTerms = new java.util.HashMap<>();
            Set<Integer> counts = new HashSet<>();
            for (String line : lines.subList(1, 4)) {
                Matcher m = TERMS_LINE.matcher(line);
                assertTrue(m.matches(), "a terms line: " + line + "\n" + run.output());
                counts.add(Integer.parseInt(m.group(1)));
                statusByTerms.put(m.group(2), m.group(3));
            }
            assertEquals(Set.of(1, 2, 3), counts, run.output());
            assertEquals("changed", statusByTerms.get("Example / Terms of Service"), run.output());
            assertEquals("unchanged", statusByTerms.get("Example / Privacy Policy"), run.output());
            assertTrue(statusByTerms.get("Gone / Terms of Service").startsWith("failed: permanent: " + site.url("/gone")), run.output());
            assertTrue(lines.get(4).startsWith("3 terms in "), "then the summary: " + run.output());
            assertTrue(run.output().chars().noneMatch(c -> c < 0x20 && c != '\n'), "no control characters: " + run.output());
        }
    }

    @Test
    void forcedProgressAddsTheRateAndRedrawsAStatusLine() throws Exception {
        try (FixtureSite site = site()) {
            CliRun run = track(site, "file:" + dir.resolve("data"), false, "--progress", "--concurrency", "1");

            assertEquals(1, run.exit(), run.output());
            assertTrue(run.output().contains("\r"), run.output());
            assertTrue(run.output().lines().anyMatch(l -> l.matches(".*\\[1/3] .+ in \\d+\\.\\d s · [0-9.]+/min · ETA .+")), run.output());
        }
    }

    @Test
    void jsonEventsStartEachTermsAndNameItsUrlsFetchersAndTheHashesTheStoreHolds() throws Exception {
        try (FixtureSite site = site()) {
            String store = "file:" + dir.resolve("data");
            CliRun run = track(site, store, true, "--log-format", "json");

            assertEquals(1, run.exit(), run.output());
            List<JsonNode> events = run.output().lines().map(TrackProgressTest::parse).toList();
            assertEquals("store-created", events.get(0).get("event").asText(), run.output());
            JsonNode start = events.get(1);
            assertEquals("run-started", start.get("event").asText(), "before any terms: " + run.output());
            assertEquals(3, start.get("terms").asInt());
            assertEquals(1, start.get("hosts").asInt());
            assertEquals(store, start.get("store").asText());
            assertEquals("0/1", start.get("shard").asText());
            assertTrue(start.get("screenshots").asBoolean());

            Set<String> started = new HashSet<>();
            List<JsonNode> finished = new ArrayList<>();
            for (JsonNode e : events) {
                String terms = e.path("service").asText() + " / " + e.path("termsType").asText();
                switch (e.get("event").asText()) {
                    case "terms-started" -> {
                        assertTrue(started.add(terms), "started once: " + terms);
                        assertEquals(1, e.get("urls").size(), e.toString());
                    }
                    case "terms-finished" -> {
                        assertTrue(started.contains(terms), "started before it finished: " + terms + "\n" + run.output());
                        finished.add(e);
                    }
                    default -> {
                    }
                }
            }
            assertEquals(3, finished.size(), run.output());
            assertEquals(Set.of(1, 2, 3), finished.stream().map(e -> e.get("done").asInt()).collect(Collectors.toSet()));

            try (LayoutStore s = Stores.openExisting(store)) {
                for (JsonNode e : finished) {
                    String service = e.get("service").asText();
                    String type = e.get("termsType").asText();
                    assertTrue(e.get("millis").asLong() >= 0, e.toString());
                    if (service.equals("Gone")) {
                        assertEquals("permanent", e.get("failure").asText(), e.toString());
                        assertEquals(site.url("/gone").toString(), e.get("urls").get(0).asText(), e.toString());
                        assertFalse(e.has("record"), e.toString());
                        continue;
                    }
                    StoredRecord held = s.record(new TermsKey(service, type), e.get("record").asText()).orElseThrow();
                    assertEquals("first record", e.get("status").asText(), e.toString());
                    assertEquals(held.sha256(), e.get("recordSha256").asText());
                    assertEquals(held.record().version(), e.get("version").asText());
                    DocumentCapture kept = held.record().documents().get(0);
                    JsonNode document = e.get("documents").get(0);
                    assertEquals(kept.requested(), document.get("url").asText());
                    assertEquals(e.get("urls").get(0).asText(), document.get("url").asText());
                    assertEquals("http", document.get("fetcher").asText());
                    assertEquals(kept.snapshot(), document.get("snapshot").asText());
                    assertNotNull(kept.screenshot(), "a screenshot was taken");
                    assertEquals(kept.screenshot(), document.get("screenshot").asText());
                }
            }
            JsonNode end = events.stream().filter(e -> e.get("event").asText().equals("run-finished")).findFirst().orElseThrow();
            assertEquals(3, end.get("terms").asInt());
            assertEquals(1, end.get("failed").asInt());
        }
    }

    private FixtureSite site() {
        return new FixtureSite()
                .html("/tos", "<html><body><main><p>We may change these terms.</p></main></body></html>")
                .html("/privacy", "<html><body><main><p>We keep your data for 30 days.</p></main></body></html>");
    }

    /** Screenshots cost a browser: only the test of the hashes asks for them. */
    private CliRun track(FixtureSite site, String store, boolean screenshots, String... more) throws Exception {
        Path declarations = Files.createDirectories(dir.resolve("declarations"));
        Files.writeString(declarations.resolve("Example.json"), """
                {"name": "Example", "terms": {
                  "Terms of Service": {"fetch": "%s", "select": ["main"], "executeClientScripts": false},
                  "Privacy Policy": {"fetch": "%s", "select": ["main"], "executeClientScripts": false}}}
                """.formatted(site.url("/tos"), site.url("/privacy")));
        Files.writeString(declarations.resolve("Gone.json"), """
                {"name": "Gone", "terms": {"Terms of Service": {"fetch": "%s", "select": ["main"], "executeClientScripts": false}}}
                """.formatted(site.url("/gone")));
        List<String> args = new ArrayList<>(List.of("track", "--declarations", declarations.toString(), "--store", store,
                "--allow-private-network", "--host-delay", "0", "--max-attempts", "1"));
        if (!screenshots) args.add("--no-screenshots");
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("not a JSON event: " + line, e);
        }
    }
}
