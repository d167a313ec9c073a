package org.clausecam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clausecam.fetch.FetchFigures;
import org.clausecam.store.TermsKey;
import org.clausecam.track.FailureClass;
import org.clausecam.track.RunSummary;
import org.clausecam.track.TermsOutcome;
import org.clausecam.track.TrackListener;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run shows its user: a progress line on a terminal, or one JSON object per event with
 * {@code --log-format json} (for log collectors), and the summary at the end.
 */
final class RunReport implements TrackListener {

    enum Format { TEXT, JSON }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Format format;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger problems = new AtomicInteger();
    private volatile int total;

    RunReport(PrintStream out, Format format, boolean terminal) {
        this.out = out;
        this.format = format;
        this.terminal = terminal;
    }

    @Override
    public void runStarted(int termsCount) {
        total = termsCount;
        if (format == Format.JSON) emit(event("run-started").put("terms", termsCount));
    }

    @Override
    public synchronized void termsFinished(TermsOutcome o) {
        int n = done.incrementAndGet();
        if (format == Format.JSON) {
            ObjectNode e = event("terms-finished").put("service", o.terms().service()).put("termsType", o.terms().termsType())
                    .put("status", statusName(o.status())).put("millis", o.took().toMillis());
            if (o.recordId() != null) e.put("record", o.recordId());
            if (o.failure() != null) e.put("failure", o.failure().label()).put("reason", o.reason());
            if (!o.notes().isEmpty()) o.notes().forEach(e.putArray("notes")::add);
            emit(e);
        } else if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : n * width / total;
            out.printf("\r[%s%s] %d/%d %-60.60s", "#".repeat(filled), " ".repeat(width - filled), n, total,
                    label(o.terms()) + " " + statusName(o.status()));
            if (n == total) out.print("\r" + " ".repeat(110) + "\r");
            out.flush();
        } else {
            out.println(statusName(o.status()) + "  " + label(o.terms())
                    + (o.failure() != null ? "  (" + o.failure().label() + ") " + UserText.printable(o.reason()) : "")
                    + (o.notes().isEmpty() ? "" : "  [" + UserText.printable(String.join("; ", o.notes())) + "]"));
        }
    }

    /**
     * The end of the run: counts by status, failures by class, declaration problems, and what the
     * fetching took (requests, retries, hosts skipped, most requests in flight at one host).
     */
    void summary(RunSummary s, FetchFigures fetching, int exitCode) {
        Map<FailureClass, Long> byClass = s.failuresByClass();
        int maxPerHost = fetching.hosts().values().stream().mapToInt(FetchFigures.Host::maxInFlight).max().orElse(0);
        if (format == Format.JSON) {
            ObjectNode e = event("run-finished").put("firstRecords", s.count(TermsOutcome.Status.FIRST_RECORD))
                    .put("changed", s.count(TermsOutcome.Status.CHANGED)).put("unchanged", s.count(TermsOutcome.Status.UNCHANGED))
                    .put("failed", s.count(TermsOutcome.Status.FAILED)).put("declarationProblems", problems.get())
                    .put("millis", s.took().toMillis()).put("exitCode", exitCode);
            ObjectNode classes = e.putObject("failures");
            byClass.forEach((failure, count) -> classes.put(failure.label(), count));
            e.putObject("fetching").put("requests", fetching.attempts()).put("retries", fetching.retries())
                    .put("skipped", fetching.skipped()).put("maxInFlightPerHost", maxPerHost);
            emit(e);
            out.flush();
            return;
        }
        String classes = byClass.isEmpty() ? "" : byClass.entrySet().stream()
                .map(c -> c.getValue() + " " + c.getKey().label()).collect(Collectors.joining(", ", " (", ")"));
        out.printf(Locale.ROOT, "%d terms in %.1f s: %d first records, %d changed, %d unchanged, %d failed%s%s%n",
                s.outcomes().size(), s.took().toMillis() / 1000.0, s.count(TermsOutcome.Status.FIRST_RECORD),
                s.count(TermsOutcome.Status.CHANGED), s.count(TermsOutcome.Status.UNCHANGED), s.count(TermsOutcome.Status.FAILED),
                classes, problems.get() == 0 ? "" : ", " + problems.get() + " declaration problems");
        if (fetching.attempts() > 0) {
            out.printf(Locale.ROOT, "fetching: %d requests, %d retries, %d skipped (host kept failing), at most %d in flight per host%n",
                    fetching.attempts(), fetching.retries(), fetching.skipped(), maxPerHost);
        }
        for (TermsOutcome o : s.outcomes()) {
            if (o.status() == TermsOutcome.Status.CHANGED) out.println("  changed: " + label(o.terms()));
        }
        for (TermsOutcome o : s.outcomes()) {
            for (String note : o.notes()) out.println("  note: " + label(o.terms()) + ": " + UserText.printable(note));
        }
        for (TermsOutcome f : s.failures()) {
            out.println("  failed: " + label(f.terms()) + " (" + f.failure().label() + "): " + UserText.printable(f.reason()));
        }
        if (s.any(FailureClass.INTERRUPTED)) {
            out.println("interrupted: what was captured is stored; run again to capture the rest");
        }
        out.flush();
    }

    /** No store was at --store and this run created one: said first, since on a scheduled job it usually means a volume not mounted. */
    void storeCreated(String store) {
        if (format == Format.JSON) emit(event("store-created").put("store", store));
        else out.println("created a new store at " + UserText.printable(store));
    }

    /** The run's summary is in the store under {@code key}; said after the summary, for whoever looks for it. */
    void runSummaryKept(String key) {
        if (format == Format.JSON) emit(event("run-summary-kept").put("key", key));
        else out.println("run summary: " + key);
        out.flush();
    }

    /** A problem found before tracking (a declaration that cannot be read), reported like a failure. */
    void problem(String line) {
        problems.incrementAndGet();
        if (format == Format.JSON) emit(event("declaration-problem").put("failure", FailureClass.DECLARATION.label()).put("problem", line));
        else out.println("skipped: " + UserText.printable(line));
    }

    private static String label(TermsKey k) {
        return UserText.printable(k.service() + " / " + k.termsType());
    }

    private static String statusName(TermsOutcome.Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static ObjectNode event(String name) {
        return JSON.createObjectNode().put("time", Instant.now().toString()).put("event", name);
    }

    private void emit(ObjectNode e) {
        synchronized (out) {
            out.println(e.toString());
        }
    }
}
