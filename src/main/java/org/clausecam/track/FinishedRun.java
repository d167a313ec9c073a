package org.clausecam.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clausecam.fetch.FetchFigures;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A tracking run as a scheduler sees it once it ended: when, which shard, how its terms ended,
 * its failures by class, what fetching took and the exit code, also when it ended before
 * tracking anything (no store, bad usage: then no terms and no fetching). Written as the run's
 * summary in the store ({@link #json()}) and as metrics ({@link RunMetrics}).
 *
 * @param runId        a short random id, so that two runs of one shard in one second never share a name
 * @param shard        the run's shard, or {@code null} when the run ended before knowing it
 * @param summary      how each terms ended (none when the run ended before tracking)
 * @param exitCode     what the process exits with
 */
public record FinishedRun(String runId, Shard shard, Instant started, Instant ended, RunSummary summary, FetchFigures fetching,
                          int exitCode, String agentVersion) {

    public static final String FORMAT = "clausecam-run/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter NAME_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public FinishedRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(fetching, "fetching");
    }

    /** A run that ended before any terms was tracked (the store could not be opened, bad usage). */
    public static FinishedRun beforeTracking(String runId, Shard shard, Instant started, Instant ended, int exitCode, String agentVersion) {
        return new FinishedRun(runId, shard, started, ended, new RunSummary(List.of(), Duration.between(started, ended)),
                new FetchFigures(0, 0, 0, 0, Map.of()), exitCode, agentVersion);
    }

    public Duration duration() {
        return Duration.between(started, ended);
    }

    /**
     * The name of this run's summary in the store: its start (UTC, to the second), its shard and
     * its id, so that an ordinary listing is in start order, e.g. {@code 20261204T060000Z-shard-1-of-3-3fa1c2d4.json}.
     */
    public String summaryName() {
        String part = shard == null ? "shard-unknown" : "shard-" + shard.index() + "-of-" + shard.count();
        return NAME_DATE.format(started) + "-" + part + "-" + runId + ".json";
    }

    /** The run's summary as stored (docs/storage.md, "Run summaries"). */
    public byte[] json() {
        ObjectNode run = JSON.createObjectNode();
        run.put("format", FORMAT).put("runId", runId).put("shard", shard == null ? null : shard.toString())
                .put("started", started.toString()).put("ended", ended.toString())
                .put("durationSeconds", duration().toMillis() / 1000.0).put("exitCode", exitCode).put("agentVersion", agentVersion);
        ObjectNode terms = run.putObject("terms");
        terms.put("total", summary.outcomes().size());
        for (TermsOutcome.Status status : TermsOutcome.Status.values()) terms.put(statusLabel(status), summary.count(status));
        ObjectNode failures = run.putObject("failures");
        for (FailureClass failure : FailureClass.values()) {
            failures.put(failure.label(), summary.failures().stream().filter(f -> f.failure() == failure).count());
        }
        run.putObject("fetching").put("requests", fetching.attempts()).put("retries", fetching.retries())
                .put("skipped", fetching.skipped()).put("maxPagesInFlight", fetching.maxPagesInFlight())
                .put("hosts", fetching.hosts().size());
        try {
            return JSON.writeValueAsBytes(run);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the summary of run " + runId, e);
        }
    }

    /** {@code first-record}, {@code changed}, {@code unchanged}, {@code failed}: the names the JSON and the metrics share. */
    static String statusLabel(TermsOutcome.Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
