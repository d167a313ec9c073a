package org.clausecam.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.fetch.FetchFigures;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A finished run as the store keeps it (JSON) and as Prometheus reads it, both read back by strict parsers. */
@Tag("unit")
class FinishedRunTest {

    static final Instant STARTED = Instant.parse("2026-12-04T06:00:00Z");
    static final Instant ENDED = Instant.parse("2026-12-04T06:01:30.250Z");

    static final FinishedRun RUN = new FinishedRun("3fa1c2d4", new Shard(1, 3), STARTED, ENDED,
            new RunSummary(List.of(
                    outcome("A", TermsOutcome.Status.FIRST_RECORD),
                    outcome("B", TermsOutcome.Status.CHANGED),
                    outcome("C", TermsOutcome.Status.UNCHANGED),
                    outcome("D", TermsOutcome.Status.UNCHANGED),
                    TermsOutcome.failed(new TermsKey("E", "Terms of Service"), FailureClass.TRANSIENT, "HTTP 503", Duration.ofSeconds(4)),
                    TermsOutcome.failed(new TermsKey("F", "Terms of Service"), FailureClass.INTERRUPTED, "not started", Duration.ZERO)),
                    Duration.ofSeconds(88)),
            new FetchFigures(9, 3, 1, 2, Map.of("127.0.0.1", new FetchFigures.Host(9, 3, 1, 1))), 4, "0.1.0");

    @Test
    void its_summary_in_the_store_gives_times_shard_counts_failures_by_class_fetching_and_exit_code() throws Exception {
        JsonNode json = new ObjectMapper().readTree(RUN.json());

        assertEquals("clausecam-run/1", json.get("format").asText());
        assertEquals("3fa1c2d4", json.get("runId").asText());
        assertEquals("1/3", json.get("shard").asText());
        assertEquals("2026-12-04T06:00:00Z", json.get("started").asText());
        assertEquals("2026-12-04T06:01:30.250Z", json.get("ended").asText());
        assertEquals(90.25, json.get("durationSeconds").asDouble());
        assertEquals(4, json.get("exitCode").asInt());
        assertEquals("0.1.0", json.get("agentVersion").asText());
        JsonNode terms = json.get("terms");
        assertEquals(6, terms.get("total").asInt());
        assertEquals(1, terms.get("first-record").asInt());
        assertEquals(1, terms.get("changed").asInt());
        assertEquals(2, terms.get("unchanged").asInt());
        assertEquals(2, terms.get("failed").asInt());
        JsonNode failures = json.get("failures");
        assertEquals(FailureClass.values().length, failures.size(), "every class, zeros included: " + failures);
        assertEquals(1, failures.get("transient").asInt());
        assertEquals(1, failures.get("interrupted").asInt());
        assertEquals(0, failures.get("storage").asInt());
        JsonNode fetching = json.get("fetching");
        assertEquals(9, fetching.get("requests").asInt());
        assertEquals(3, fetching.get("retries").asInt());
        assertEquals(1, fetching.get("skipped").asInt());
    }

    @Test
    void its_summary_is_named_by_start_shard_and_id_so_that_a_listing_is_in_start_order() {
        assertEquals("20261204T060000Z-shard-1-of-3-3fa1c2d4.json", RUN.summaryName());
    }

    @Test
    void its_metrics_are_prometheus_text_with_every_status_and_class() {
        Map<String, Double> samples = PrometheusSamples.parse(RunMetrics.exposition(RUN));

        assertEquals(1.0, samples.get("clausecam_terms_total{status=\"first-record\"}"));
        assertEquals(1.0, samples.get("clausecam_terms_total{status=\"changed\"}"));
        assertEquals(2.0, samples.get("clausecam_terms_total{status=\"unchanged\"}"));
        assertEquals(2.0, samples.get("clausecam_terms_total{status=\"failed\"}"));
        assertEquals(1.0, samples.get("clausecam_failures_total{class=\"transient\"}"));
        assertEquals(1.0, samples.get("clausecam_failures_total{class=\"interrupted\"}"));
        assertEquals(0.0, samples.get("clausecam_failures_total{class=\"storage\"}"));
        for (FailureClass c : FailureClass.values()) {
            assertTrue(samples.containsKey("clausecam_failures_total{class=\"" + c.label() + "\"}"), c.label());
        }
        assertEquals(9.0, samples.get("clausecam_fetch_requests_total"));
        assertEquals(3.0, samples.get("clausecam_fetch_retries_total"));
        assertEquals(1.0, samples.get("clausecam_fetch_skipped_total"));
        assertEquals(90.25, samples.get("clausecam_run_duration_seconds"));
        assertEquals(4.0, samples.get("clausecam_run_exit_code"));
        assertEquals(STARTED.getEpochSecond(), samples.get("clausecam_run_start_timestamp_seconds"));
        assertEquals(1.0, samples.get("clausecam_run_info{shard=\"1/3\",agent_version=\"0.1.0\",run_id=\"3fa1c2d4\"}"));
    }

    @Test
    void a_run_that_ended_before_tracking_still_has_metrics_with_its_exit_code_and_no_terms() {
        FinishedRun noStore = FinishedRun.beforeTracking("0badc0de", null, STARTED, STARTED.plusMillis(1200), 3, "0.1.0");

        Map<String, Double> samples = PrometheusSamples.parse(RunMetrics.exposition(noStore));

        assertEquals(3.0, samples.get("clausecam_run_exit_code"));
        assertEquals(0.0, samples.get("clausecam_terms_total{status=\"failed\"}"));
        assertEquals(1.2, samples.get("clausecam_run_duration_seconds"));
        assertEquals(1.0, samples.get("clausecam_run_info{shard=\"unknown\",agent_version=\"0.1.0\",run_id=\"0badc0de\"}"));
        assertEquals("20261204T060000Z-shard-unknown-0badc0de.json", noStore.summaryName());
    }

    @Test
    void label_values_are_escaped_as_the_format_requires() {
        assertEquals("a\\\\b\\\"c\\nd", RunMetrics.escape("a\\b\"c\nd"));
    }

    private static TermsOutcome outcome(String service, TermsOutcome.Status status) {
        return new TermsOutcome(new TermsKey(service, "Terms of Service"), status, "1", null, null, Duration.ofSeconds(2));
    }
}
