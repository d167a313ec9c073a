package org.clausecam.track;

import org.clausecam.fetch.FetchFigures;

import java.util.Locale;

/**
 * A finished run in Prometheus' text exposition format (version 0.0.4), for a node exporter's
 * textfile collector or a Pushgateway. Every status and failure class is written, zeros included,
 * so that "none" is never mistaken for "not reported".
 */
public final class RunMetrics {

    private final StringBuilder text = new StringBuilder();

    private RunMetrics() {
    }

    public static String exposition(FinishedRun run) {
        RunMetrics m = new RunMetrics();
        RunSummary summary = run.summary();
        FetchFigures fetching = run.fetching();
        m.family("clausecam_run_info", "gauge", "The run: shard, agent version and run id (the summary's name in the store ends with it).");
        m.sample("clausecam_run_info{shard=\"" + escape(run.shard() == null ? "unknown" : run.shard().toString())
                + "\",agent_version=\"" + escape(run.agentVersion()) + "\",run_id=\"" + escape(run.runId()) + "\"}", 1);
        m.family("clausecam_terms_total", "counter", "Terms tracked by this run, by how their capture ended.");
        for (TermsOutcome.Status status : TermsOutcome.Status.values()) {
            m.sample("clausecam_terms_total{status=\"" + FinishedRun.statusLabel(status) + "\"}", summary.count(status));
        }
        m.family("clausecam_failures_total", "counter", "Terms that failed in this run, by failure class.");
        for (FailureClass failure : FailureClass.values()) {
            m.sample("clausecam_failures_total{class=\"" + failure.label() + "\"}",
                    summary.failures().stream().filter(f -> f.failure() == failure).count());
        }
        m.family("clausecam_fetch_requests_total", "counter", "Fetch attempts made by this run, retries included.");
        m.sample("clausecam_fetch_requests_total", fetching.attempts());
        m.family("clausecam_fetch_retries_total", "counter", "Fetch attempts that were retries of a transient failure.");
        m.sample("clausecam_fetch_retries_total", fetching.retries());
        m.family("clausecam_fetch_skipped_total", "counter", "Documents skipped because their host's circuit breaker was open.");
        m.sample("clausecam_fetch_skipped_total", fetching.skipped());
        m.family("clausecam_run_start_timestamp_seconds", "gauge", "When the run started, in seconds since the epoch.");
        m.sample("clausecam_run_start_timestamp_seconds", run.started().toEpochMilli() / 1000.0);
        m.family("clausecam_run_end_timestamp_seconds", "gauge", "When the run ended, in seconds since the epoch.");
        m.sample("clausecam_run_end_timestamp_seconds", run.ended().toEpochMilli() / 1000.0);
        m.family("clausecam_run_duration_seconds", "gauge", "Wall time of the run, from the command's start to its end.");
        m.sample("clausecam_run_duration_seconds", run.duration().toMillis() / 1000.0);
        m.family("clausecam_run_exit_code", "gauge",
                "The run's exit code: 0 all captured, 1 page failures, 2 bad usage or declarations, 3 store unavailable, 4 interrupted.");
        m.sample("clausecam_run_exit_code", run.exitCode());
        return m.text.toString();
    }

    private void family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String series, long value) {
        text.append(series).append(' ').append(value).append('\n');
    }

    private void sample(String series, double value) {
        text.append(series).append(' ').append(String.format(Locale.ROOT, "%.3f", value)).append('\n');
    }

    /** A label value as the format wants it: backslash, double quote and line feed escaped. */
    static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
