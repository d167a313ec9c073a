package org.clausecam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.track.PrometheusSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a scheduler reads after {@code track}: the run's summary kept in the store under
 * {@code runs/}, and {@code --metrics-file} in Prometheus text format, also when the run could
 * not start because the store is not there.
 */
class RunMetricsTrackTest {

    @TempDir
    Path dir;

    @Test
    void a_run_keeps_its_summary_in_the_store_and_writes_its_metrics() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            site.html("/tos", "<html><body><main><p>We may change these terms.</p></main></body></html>");
            Path metrics = dir.resolve("textfile/clausecam.prom");

            CliRun run = track(site, "file:" + dir.resolve("data"), "--metrics-file", metrics.toString());

            assertEquals(0, run.exit(), run.output());
            Map<String, Double> samples = PrometheusSamples.parse(Files.readString(metrics));
            assertEquals(0.0, samples.get("clausecam_run_exit_code"));
            assertEquals(1.0, samples.get("clausecam_terms_total{status=\"first-record\"}"));
            assertEquals(0.0, samples.get("clausecam_failures_total{class=\"transient\"}"));
            assertTrue(samples.get("clausecam_fetch_requests_total") >= 1, samples.toString());
            assertTrue(samples.get("clausecam_run_duration_seconds") > 0, samples.toString());
            try (Stream<Path> left = Files.list(metrics.getParent())) {
                assertEquals(List.of(metrics), left.toList(), "no temporary file is left beside the metrics");
            }

            List<Path> summaries = runSummaries();
            assertEquals(1, summaries.size(), summaries.toString());
            assertTrue(run.output().contains("run summary: runs/" + summaries.get(0).getFileName()), run.output());
            JsonNode summary = new ObjectMapper().readTree(summaries.get(0).toFile());
            assertEquals("0/1", summary.get("shard").asText());
            assertEquals(0, summary.get("exitCode").asInt());
            assertEquals(1, summary.get("terms").get("first-record").asInt());
            CliRun verify = CliRun.run("verify", "--store", "file:" + dir.resolve("data"));
            assertEquals(0, verify.exit(), "run summaries are not findings: " + verify.output());
        }
    }

    @Test
    void the_next_run_replaces_the_metrics_and_adds_a_summary() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            site.html("/tos", "<html><body><main><p>We may change these terms.</p></main></body></html>");
            Path metrics = dir.resolve("clausecam.prom");
            track(site, "file:" + dir.resolve("data"), "--metrics-file", metrics.toString());

            CliRun second = track(site, "file:" + dir.resolve("data"), "--metrics-file", metrics.toString());

            assertEquals(0, second.exit(), second.output());
            Map<String, Double> samples = PrometheusSamples.parse(Files.readString(metrics));
            assertEquals(1.0, samples.get("clausecam_terms_total{status=\"unchanged\"}"));
            assertEquals(0.0, samples.get("clausecam_terms_total{status=\"first-record\"}"));
            assertEquals(2, runSummaries().size());
        }
    }

    @Test
    void a_store_that_is_not_there_still_gives_metrics_with_exit_code_3() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            site.html("/tos", "<html><body><main><p>We may change these terms.</p></main></body></html>");
            Path metrics = dir.resolve("clausecam.prom");

            CliRun run = track(site, "file:" + dir.resolve("unmounted"), "--no-create-store", "--metrics-file", metrics.toString());

            assertEquals(3, run.exit(), run.output());
            Map<String, Double> samples = PrometheusSamples.parse(Files.readString(metrics));
            assertEquals(3.0, samples.get("clausecam_run_exit_code"));
            assertEquals(0.0, samples.get("clausecam_terms_total{status=\"first-record\"}"));
            assertFalse(Files.exists(dir.resolve("unmounted")));
        }
    }

    private CliRun track(FixtureSite site, String store, String... more) throws Exception {
        Path declarations = Files.createDirectories(dir.resolve("declarations"));
        Files.writeString(declarations.resolve("Example.json"), "{\"name\": \"Example\", \"terms\": {\"Terms of Service\": "
                + "{\"fetch\": \"" + site.url("/tos") + "\", \"select\": [\"main\"], \"executeClientScripts\": false}}}");
        List<String> args = new java.util.ArrayList<>(List.of("track", "--declarations", declarations.toString(), "--store", store,
                "--allow-private-network", "--no-screenshots"));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private List<Path> runSummaries() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("data/runs"))) {
            return files.sorted().toList();
        }
    }
}
