package org.clausecam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.clausecam.fetch.FetchFigures;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.StoredRecord;
import org.clausecam.track.FailureClass;
import org.clausecam.track.RunSummary;
import org.clausecam.track.Shard;
import org.clausecam.track.TermsJob;
import org.clausecam.track.TermsOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text a run prints while it runs: a start line, then {@code [n/N]} per terms; rate, ETA and a redrawn line only when live. */
@Tag("unit")
class ProgressLinesTest {

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-05T06:00:00Z"));
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private final TermsJob claude = job("Claude.ai", "Privacy Policy", "https://www.anthropic.com/legal/privacy");
    private final TermsJob gone = job("Gone", "Terms of Service", "http://example.com/gone");
    private final TermsJob same = job("Same", "Terms of Service", "http://example.com/same");

    @Test
    void plainLinesCountTheTermsAndSayStatusAndDurationWithoutControlCharacters() {
        RunReport report = report(false);
        report.starting(new RunPlan(3, 2, 4, 4, 2, "s3://archive/genai at http://127.0.0.1:9000", new Shard(1, 4), false));
        report.runStarted(3);
        report.termsStarted(claude);
        report.termsStarted(gone);
        report.termsFinished(new TermsOutcome(claude.key(), TermsOutcome.Status.CHANGED, "r1", null, null, Duration.ofMillis(2_340),
                List.of("https://www.anthropic.com/legal/privacy: taken before the page settled")));
        report.termsFinished(TermsOutcome.failed(gone.key(), FailureClass.PERMANENT, "http://example.com/gone: answered HTTP/1.1 410 Gone",
                Duration.ofMillis(310)));
        report.termsStarted(same);
        report.termsFinished(new TermsOutcome(same.key(), TermsOutcome.Status.UNCHANGED, "r2", null, null, Duration.ofSeconds(75)));

        List<String> lines = text().lines().toList();
        assertEquals(List.of(
                "tracking 3 terms on 2 hosts: 4 workers, 4 pages in flight, 2 browser captures; "
                        + "store s3://archive/genai at http://127.0.0.1:9000; shard 1/4; screenshots off",
                "[1/3] Claude.ai / Privacy Policy: changed in 2.3 s",
                "    note: https://www.anthropic.com/legal/privacy: taken before the page settled",
                "[2/3] Gone / Terms of Service: failed: permanent: http://example.com/gone: answered HTTP/1.1 410 Gone in 0.3 s",
                "[3/3] Same / Terms of Service: unchanged in 75.0 s"), lines);
        assertTrue(text().chars().noneMatch(c -> c < 0x20 && c != '\n'), text());
    }

    @Test
    void aRunOfOneShardAndOneHostSaysSoInTheSingular() {
        assertEquals("tracking 1 terms on 1 host: 1 worker, 1 page in flight, 1 browser capture; store file:/data; screenshots on",
                new RunPlan(1, 1, 1, 1, 1, "file:/data", Shard.ALL, true).line());
    }

    @Test
    void liveLinesAddRateAndEtaAndARedrawnLineOfTheTermsInFlight() {
        RunReport report = report(true);
        report.runStarted(3);
        report.termsStarted(claude);
        report.termsStarted(gone);
        clock.advance(Duration.ofSeconds(30));
        report.termsFinished(new TermsOutcome(claude.key(), TermsOutcome.Status.FIRST_RECORD, "r1", null, null, Duration.ofSeconds(30)));

        String shown = text();
        assertTrue(shown.contains("[0/3] capturing Claude.ai / Privacy Policy, Gone / Terms of Service"), shown);
        assertTrue(shown.contains("\r[1/3] Claude.ai / Privacy Policy: first record in 30.0 s · 2.0/min · ETA 1 min\n"), shown);
        assertTrue(shown.endsWith("[1/3] · 2.0/min · ETA 1 min · capturing Gone / Terms of Service"), shown);

        report.summary(new RunSummary(List.of(), Duration.ofSeconds(30)), new FetchFigures(0, 0, 0, 0, Map.of()), 0);
        String after = text().substring(shown.length());
        assertTrue(after.startsWith("\r" + " ".repeat(lastLine(shown).length()) + "\r0 terms in 30.0 s"), after);
    }

    @Test
    void theLastTermsOfALiveRunHasARateButNoEta() {
        RunReport report = report(true);
        report.runStarted(1);
        report.termsStarted(same);
        clock.advance(Duration.ofSeconds(6));
        report.termsFinished(new TermsOutcome(same.key(), TermsOutcome.Status.UNCHANGED, "r1", null, null, Duration.ofSeconds(6)));

        assertTrue(text().contains("[1/1] Same / Terms of Service: unchanged in 6.0 s · 10.0/min\n"), text());
        assertFalse(text().contains("ETA"), text());
    }

    @Test
    void aTechnicalChangeSaysSoInItsLineAndItsEvent() throws Exception {
        DocumentCapture page = new DocumentCapture(null, "http://example.com/same", "http://example.com/same", "browser", 200,
                "HTTP/1.1 200 OK", Map.of(), "text/html", "a".repeat(64), null, null);
        StoredRecord stored = new StoredRecord("r2", "b".repeat(64), new CaptureRecord("Same", "Terms of Service",
                Instant.parse("2026-12-05T06:00:00Z"), CaptureRecord.KIND_CAPTURE, List.of(page), "c".repeat(64), false, "d".repeat(64),
                null, "test", CaptureRecord.CHANGE_TECHNICAL, "fetcher changed: http → browser"));
        TermsOutcome technical = TermsOutcome.recorded(same.key(), TermsOutcome.Status.UNCHANGED, stored, Duration.ofSeconds(4), List.of());

        RunReport text = report(false);
        text.runStarted(1);
        text.termsStarted(same);
        text.termsFinished(technical);
        assertEquals("[1/1] Same / Terms of Service: technical in 4.0 s\n", text());

        ByteArrayOutputStream events = new ByteArrayOutputStream();
        RunReport json = new RunReport(new PrintStream(events, true, StandardCharsets.UTF_8), RunReport.Format.JSON, false, clock);
        json.runStarted(1);
        json.termsStarted(same);
        json.termsFinished(technical);
        JsonNode finished = new ObjectMapper().readTree(events.toString(StandardCharsets.UTF_8).lines().toList().get(1));
        assertEquals("technical", finished.get("change").asText());
        assertEquals("fetcher changed: http → browser", finished.get("changeReason").asText());
        assertEquals("browser", finished.get("documents").get(0).get("fetcher").asText());
        assertTrue(finished.get("documents").get(0).get("screenshot").isNull(), "no screenshot was taken: " + finished);
    }

    @Test
    void aTooLongLiveLineIsCutSoThatItNeverWraps() {
        RunReport report = report(true);
        report.runStarted(9);
        for (int i = 0; i < 9; i++) report.termsStarted(job("Service number " + i, "Terms of Service", "http://example.com/" + i));

        String last = lastLine(text());
        assertEquals(79, last.length(), last);
        assertTrue(last.endsWith("…"), last);
    }

    private RunReport report(boolean live) {
        return new RunReport(new PrintStream(buffer, true, StandardCharsets.UTF_8), RunReport.Format.TEXT, live, clock);
    }

    private String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** What a terminal shows last: the text after the last carriage return or line feed. */
    private static String lastLine(String text) {
        return text.substring(Math.max(text.lastIndexOf('\r'), text.lastIndexOf('\n')) + 1);
    }

    static TermsJob job(String service, String type, String url) {
        return new TermsJob(new Terms(service, type, List.of(new SourceDocument(null, URI.create(url), List.of(), List.of(), List.of(), null)),
                false));
    }

    /** A clock that moves only when told, so that rates and ETAs are exact. */
    private static final class SteppedClock extends Clock {
        private Instant now;

        SteppedClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
