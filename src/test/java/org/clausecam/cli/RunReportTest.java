package org.clausecam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.fetch.FetchFigures;
import org.clausecam.store.TermsKey;
import org.clausecam.track.RunSummary;
import org.clausecam.track.FailureClass;
import org.clausecam.track.TermsOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run prints: notes of captures that had to settle, failures per class, fetch figures. */
@Tag("unit")
class RunReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TermsOutcome truncated = new TermsOutcome(new TermsKey("Endless", "Terms of Service"),
            TermsOutcome.Status.FIRST_RECORD, "r1", null, null, Duration.ofMillis(5),
            List.of("http://example.com/endless: screenshot truncated to the top 1000 px of a page 27426 px tall"));
    private final TermsOutcome gone = TermsOutcome.failed(new TermsKey("Gone", "Privacy Policy"), FailureClass.PERMANENT,
            "http://example.com/gone: answered HTTP/1.1 410 Gone", Duration.ofMillis(3));
    private final FetchFigures figures = new FetchFigures(5, 2, 1, 1,
            Map.of("example.com", new FetchFigures.Host(5, 2, 1, 1)));

    @Test
    void jsonEventsCarryNotesFailureClassesAndFetchFigures() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        RunReport report = new RunReport(new PrintStream(buffer, true, StandardCharsets.UTF_8), RunReport.Format.JSON, false);
        report.problem("declarations/Broken.json: /: malformed JSON at line 1, column 11: Unexpected end-of-input");
        report.termsFinished(truncated);
        report.termsFinished(gone);
        report.summary(new RunSummary(List.of(truncated, gone), Duration.ofSeconds(1)), figures, 1);

        List<JsonNode> events = buffer.toString(StandardCharsets.UTF_8).lines().map(RunReportTest::parse).toList();
        assertEquals("declaration", events.get(0).get("failure").asText());
        assertEquals(truncated.notes().get(0), events.get(1).get("notes").get(0).asText());
        assertEquals("permanent", events.get(2).get("failure").asText());
        JsonNode finished = events.get(3);
        assertEquals(JSON.readTree("{\"permanent\":1}"), finished.get("failures"));
        assertEquals(1, finished.get("declarationProblems").asInt());
        assertEquals(JSON.readTree("{\"requests\":5,\"retries\":2,\"skipped\":1,\"maxInFlightPerHost\":1}"), finished.get("fetching"));
    }

    @Test
    void theTextSummaryCountsFailuresPerClassAndListsNotes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        RunReport report = new RunReport(new PrintStream(buffer, true, StandardCharsets.UTF_8), RunReport.Format.TEXT, false);
        report.summary(new RunSummary(List.of(truncated, gone), Duration.ofSeconds(1)), figures, 1);

        String text = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("2 terms in 1.0 s: 1 first records, 0 changed, 0 unchanged, 1 failed (1 permanent)\n"), text);
        assertTrue(text.contains("fetching: 5 requests, 2 retries, 1 skipped (host kept failing), at most 1 in flight per host\n"), text);
        assertTrue(text.contains("  note: Endless / Terms of Service: " + truncated.notes().get(0) + "\n"), text);
        assertTrue(text.contains("  failed: Gone / Privacy Policy (permanent): " + gone.reason() + "\n"), text);
    }

    @Test
    void textFromPagesAndDeclarationsReachesTheTerminalWithItsControlCharactersEscaped() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        RunReport report = new RunReport(new PrintStream(buffer, true, StandardCharsets.UTF_8), RunReport.Format.TEXT, false);
        TermsOutcome hostile = TermsOutcome.failed(new TermsKey("Evil\u001b[2J", "Terms of Service"), FailureClass.INACCESSIBLE_CONTENT,
                "title \"\u001b]0;owned\u0007\" of http://example.com/\r\nforged line", Duration.ofMillis(1));

        report.storeCreated("file:/data/\u001b[31m");
        report.problem("declarations/Evil\u001b.json: /: bad");
        report.termsFinished(hostile);
        report.summary(new RunSummary(List.of(hostile), Duration.ofSeconds(1)), new FetchFigures(0, 0, 0, 0, Map.of()), 1);

        String text = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("created a new store at file:/data/\\u001b[31m\n"), text);
        assertTrue(text.chars().noneMatch(c -> c < 0x20 && c != '\n'), "only the report's own line breaks: " + text);
        assertTrue(text.contains("failed: Evil\\u001b[2J / Terms of Service (inaccessible-content): title \"\\u001b]0;owned\\u0007\" of "
                + "http://example.com/\\u000d\\u000aforged line"), text);
    }

    @Test
    void theStoreCreatedEventIsTheRunsJsonEventForANewStore() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new RunReport(new PrintStream(buffer, true, StandardCharsets.UTF_8), RunReport.Format.JSON, false).storeCreated("s3://archive/clausecam");

        JsonNode event = parse(buffer.toString(StandardCharsets.UTF_8).strip());
        assertEquals("store-created", event.get("event").asText());
        assertEquals("s3://archive/clausecam", event.get("store").asText());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
