package org.clausecam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clausecam.fetch.FetchFigures;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;
import org.clausecam.track.FailureClass;
import org.clausecam.track.RunSummary;
import org.clausecam.track.TermsJob;
import org.clausecam.track.TermsOutcome;
import org.clausecam.track.TrackListener;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run shows its user: a start line, a line per terms as it finishes ({@link ProgressLines}),
 * or one JSON object per event with {@code --log-format json} (for log collectors: run-started,
 * terms-started, terms-finished, run-finished…), and the summary at the end. Field names of the
 * events are a contract with those collectors: new facts are added, none renamed.
 */
final class RunReport implements TrackListener {

    enum Format { TEXT, JSON }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Format format;
    private final ProgressLines progress;
    /** Terms started and not yet finished: a finished event names the URLs its started event named. */
    private final Map<TermsKey, TermsJob> started = new LinkedHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger problems = new AtomicInteger();
    private volatile int total;

    /**
     * @param live on a terminal (or {@code --progress}): rate, ETA and a status line redrawn in
     *             place; else plain lines without control characters
     */
    RunReport(PrintStream out, Format format, boolean live) {
        this(out, format, live, Clock.systemUTC());
    }

    RunReport(PrintStream out, Format format, boolean live, Clock clock) {
        this.out = out;
        this.format = format;
        this.progress = new ProgressLines(out, live, clock);
    }

    /** The start line, or the {@code run-started} event: what the run is about to do, before its first terms. */
    void starting(RunPlan plan) {
        if (format == Format.JSON) {
            emit(event("run-started").put("terms", plan.terms()).put("hosts", plan.hosts()).put("workers", plan.workers())
                    .put("pagesInFlight", plan.pagesInFlight()).put("maxBrowserCaptures", plan.maxBrowserCaptures())
                    .put("store", plan.store()).put("shard", plan.shard().toString()).put("screenshots", plan.screenshots()));
        } else {
            synchronized (this) {
                out.println(plan.line());
                out.flush();
            }
        }
    }

    @Override
    public synchronized void runStarted(int termsCount) {
        total = termsCount;
        progress.runStarted(termsCount);
    }

    @Override
    public synchronized void termsStarted(TermsJob job) {
        started.put(job.key(), job);
        if (format == Format.JSON) {
            ObjectNode e = event("terms-started").put("service", job.terms().service()).put("termsType", job.terms().type());
            urls(e, job);
            emit(e.put("inFlight", started.size()));
        } else {
            progress.termsStarted(job.key());
        }
    }

    @Override
    public synchronized void termsFinished(TermsOutcome o) {
        int n = done.incrementAndGet();
        TermsJob job = started.remove(o.terms());
        if (format == Format.JSON) {
            ObjectNode e = event("terms-finished").put("service", o.terms().service()).put("termsType", o.terms().termsType())
                    .put("status", statusName(o.status())).put("millis", o.took().toMillis());
            if (o.recordId() != null) e.put("record", o.recordId());
            if (o.failure() != null) e.put("failure", o.failure().label()).put("reason", o.reason());
            if (!o.notes().isEmpty()) o.notes().forEach(e.putArray("notes")::add);
            e.put("done", n).put("total", Math.max(total, n));
            if (job != null) urls(e, job);
            if (o.stored() != null) recorded(e, o.stored());
            emit(e);
        } else {
            progress.termsFinished(o);
        }
    }

    /** The declared URLs of a terms, in declaration order: what a failure is about even when nothing was fetched. */
    private static void urls(ObjectNode e, TermsJob job) {
        ArrayNode urls = e.putArray("urls");
        job.terms().sourceDocuments().forEach(d -> urls.add(d.location().toString()));
    }

    /** What was recorded: the record's hash, the version's, and per document how it was fetched and its blobs. */
    private static void recorded(ObjectNode e, StoredRecord stored) {
        CaptureRecord r = stored.record();
        e.put("recordSha256", stored.sha256()).put("version", r.version());
        if (r.technical()) e.put("change", r.change()).put("changeReason", r.changeReason());
        ArrayNode documents = e.putArray("documents");
        for (DocumentCapture d : r.documents()) {
            ObjectNode doc = documents.addObject();
            if (d.documentId() != null) doc.put("documentId", d.documentId());
            doc.put("url", d.requested()).put("location", d.location()).put("fetcher", d.fetcher()).put("httpStatus", d.status())
                    .put("mimeType", d.mimeType()).put("snapshot", d.snapshot()).put("screenshot", d.screenshot());
            if (d.screenshotHeight() != null) doc.put("screenshotHeight", d.screenshotHeight());
            if (!d.notes().isEmpty()) d.notes().forEach(doc.putArray("notes")::add);
        }
    }

    /**
     * The end of the run: counts by status, failures by class, declaration problems, and what the
     * fetching took (requests, retries, hosts skipped, most requests in flight at one host).
     */
    synchronized void summary(RunSummary s, FetchFigures fetching, int exitCode) {
        progress.erase();
        Map<FailureClass, Long> byClass = s.failuresByClass();
        int maxPerHost = fetching.hosts().values().stream().mapToInt(FetchFigures.Host::maxInFlight).max().orElse(0);
        if (format == Format.JSON) {
            ObjectNode e = event("run-finished").put("firstRecords", s.count(TermsOutcome.Status.FIRST_RECORD))
                    .put("changed", s.count(TermsOutcome.Status.CHANGED)).put("unchanged", s.count(TermsOutcome.Status.UNCHANGED))
                    .put("failed", s.count(TermsOutcome.Status.FAILED)).put("declarationProblems", problems.get())
                    .put("millis", s.took().toMillis()).put("exitCode", exitCode).put("terms", s.outcomes().size());
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
