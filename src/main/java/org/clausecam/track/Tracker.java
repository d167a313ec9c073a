package org.clausecam.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.clausecam.capture.CaptureException;
import org.clausecam.capture.CapturedSource;
import org.clausecam.capture.SourceCapturer;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.clausecam.extract.ExtractionException;
import org.clausecam.extract.Extractor;
import org.clausecam.extract.FilterException;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoreUnavailableException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Captures terms and records them: for each source document, capture (fetch or render, and
 * screenshot), extract the version, store the blobs, then append one record that says whether
 * the version changed against the previous record of the same terms.
 *
 * <p>Terms are captured on {@code concurrency} worker threads. A storage failure stops the run:
 * terms not yet started are reported as not captured rather than attempted against a store that
 * cannot keep them.
 */
public final class Tracker {

    /**
     * The terms of one service to track, with the service's filters source (or null) and the file
     * it came from (or null), which failures of the filters name.
     */
    public record Job(Terms terms, String filtersSource, Path filtersFile) {
        public Job(Terms terms, String filtersSource) {
            this(terms, filtersSource, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Store store;
    private final SourceCapturer capturer;
    private final Extractor extractor;
    private final String agentVersion;
    private final int concurrency;
    private final TrackListener listener;
    private final ShrinkGuard shrinkGuard;
    private final AtomicReference<StoreUnavailableException> storageDown = new AtomicReference<>();

    /**
     * @param shrinkGuard refuses to record a version that lost most of the previous one's text
     *                    (a broken page, a consent wall); {@code null} records every version
     */
    public Tracker(Store store, SourceCapturer capturer, Extractor extractor, String agentVersion,
                   int concurrency, TrackListener listener, ShrinkGuard shrinkGuard) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        this.store = store;
        this.capturer = capturer;
        this.extractor = extractor;
        this.agentVersion = agentVersion;
        this.concurrency = concurrency;
        this.listener = listener;
        this.shrinkGuard = shrinkGuard;
    }

    public RunSummary run(List<Job> jobs) {
        Instant start = Instant.now();
        listener.runStarted(jobs.size());
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, jobs.size())), r -> {
            Thread t = new Thread(r, "clausecam-track");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TermsOutcome>> futures = new ArrayList<>();
            for (Job job : jobs) futures.add(workers.submit(() -> trackReporting(job)));
            List<TermsOutcome> outcomes = new ArrayList<>();
            for (Future<TermsOutcome> f : futures) outcomes.add(await(f));
            return new RunSummary(outcomes, Duration.between(start, Instant.now()));
        } finally {
            workers.shutdownNow();
        }
    }

    private static TermsOutcome await(Future<TermsOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tracking run interrupted", e);
        } catch (ExecutionException e) {
            // track() catches what it expects; anything else is a bug worth surfacing as-is.
            throw new IllegalStateException("tracking failed unexpectedly", e.getCause());
        }
    }

    private TermsOutcome trackReporting(Job job) {
        TermsKey key = new TermsKey(job.terms().service(), job.terms().type());
        listener.termsStarted(key);
        TermsOutcome outcome = track(job);
        listener.termsFinished(outcome);
        return outcome;
    }

    /** Captures and records one terms; never throws for failures of the page, the extraction or the store. */
    public TermsOutcome track(Job job) {
        Terms terms = job.terms();
        TermsKey key = new TermsKey(terms.service(), terms.type());
        Instant start = Instant.now();
        StoreUnavailableException down = storageDown.get();
        if (down != null) {
            return TermsOutcome.failed(key, "storage", "not captured: the store failed earlier in this run (" + down.getMessage() + ")", Duration.ZERO);
        }
        try {
            Captured captured = capture(job);
            StoredRecord stored = record(terms, captured);
            TermsOutcome.Status status = stored.record().first() ? TermsOutcome.Status.FIRST_RECORD
                    : stored.record().changed() ? TermsOutcome.Status.CHANGED : TermsOutcome.Status.UNCHANGED;
            List<String> notes = captured.sources().stream().flatMap(source -> source.notes().stream()).toList();
            return new TermsOutcome(key, status, stored.id(), null, null, Duration.between(start, Instant.now()), notes);
        } catch (FetchException e) {
            return TermsOutcome.failed(key, e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage(), Duration.between(start, Instant.now()));
        } catch (FilterException e) {
            String file = job.filtersFile() == null ? "" : job.filtersFile() + ": ";
            return TermsOutcome.failed(key, "declaration", file + e.getMessage(), Duration.between(start, Instant.now()));
        } catch (ExtractionException e) {
            return TermsOutcome.failed(key, "inaccessible-content", e.getMessage(), Duration.between(start, Instant.now()));
        } catch (SuspiciousVersionException e) {
            return TermsOutcome.failed(key, "suspicious-version", e.getMessage()
                    + "; not recorded (run with --accept-shrink to record it)", Duration.between(start, Instant.now()));
        } catch (CaptureException e) {
            return TermsOutcome.failed(key, "browser", e.getMessage(), Duration.between(start, Instant.now()));
        } catch (StoreUnavailableException e) {
            storageDown.compareAndSet(null, e);
            return TermsOutcome.failed(key, "storage", e.getMessage(), Duration.between(start, Instant.now()));
        } catch (StoreException e) {
            return TermsOutcome.failed(key, "storage", e.getMessage(), Duration.between(start, Instant.now()));
        }
    }

    /** A terms as captured: each source document, and the version extracted from them all. */
    public record Captured(List<CapturedSource> sources, String version) {
    }

    /** Captures every source document of a terms and extracts its version; stores nothing. */
    public Captured capture(Job job) throws FetchException, CaptureException, ExtractionException {
        List<String> versions = new ArrayList<>();
        List<CapturedSource> captured = new ArrayList<>();
        for (SourceDocument document : job.terms().sourceDocuments()) {
            CapturedSource source = capturer.capture(document);
            FetchedDocument fetched = source.document();
            versions.add(extractor.extract(document, job.filtersSource(), fetched.content(), fetched.mimeType(), fetched.location()));
            captured.add(source);
        }
        return new Captured(captured, Extractor.combine(versions));
    }

    /**
     * Stores a capture and appends its record. Blobs first, then the record: a crash in between
     * leaves only harmless orphan blobs.
     */
    public StoredRecord record(Terms terms, Captured capture) throws StoreException, SuspiciousVersionException {
        List<CapturedSource> captured = capture.sources();
        String version = capture.version();
        TermsKey key = new TermsKey(terms.service(), terms.type());
        List<DocumentCapture> documents = new ArrayList<>();
        for (int i = 0; i < captured.size(); i++) {
            CapturedSource source = captured.get(i);
            FetchedDocument d = source.document();
            String snapshot = store.putBlob(d.content());
            String screenshot = source.screenshot() == null ? null : store.putBlob(source.screenshot().png());
            documents.add(new DocumentCapture(terms.sourceDocuments().get(i).id(), d.requested().toString(), d.location().toString(),
                    d.fetcher().name().toLowerCase(Locale.ROOT), d.status(), d.statusLine(), d.headers(), d.mimeType(),
                    snapshot, screenshot, source.screenshot() == null ? null : source.screenshot().height()));
        }
        String versionHash = store.putBlob(version.getBytes(StandardCharsets.UTF_8));
        String declarationHash = store.putBlob(declarationJson(terms));
        Optional<StoredRecord> latest = store.latest(key);
        Optional<StoredRecord> compared = latestCapture(key, latest);
        boolean changed = compared.map(l -> !l.record().version().equals(versionHash)).orElse(true);
        if (changed && compared.isPresent() && shrinkGuard != null) {
            String previous = new String(store.getBlob(compared.get().record().version()), StandardCharsets.UTF_8);
            Optional<ShrinkGuard.Shrinkage> shrunk = shrinkGuard.check(previous, version);
            if (shrunk.isPresent()) throw new SuspiciousVersionException(shrunk.get().reason());
        }
        Instant fetchDate = captured.stream().map(c -> c.document().fetchedAt()).max(Instant::compareTo).orElseGet(Instant::now);
        CaptureRecord record = new CaptureRecord(terms.service(), terms.type(), fetchDate, CaptureRecord.KIND_CAPTURE,
                documents, versionHash, changed, latest.map(StoredRecord::sha256).orElse(null), declarationHash, agentVersion);
        return store.append(record);
    }

    /**
     * The record a new capture is compared with: the latest page capture, passing over e-mail
     * evidence recorded since (an e-mail's text is not a version of the terms).
     */
    private Optional<StoredRecord> latestCapture(TermsKey key, Optional<StoredRecord> latest) throws StoreException {
        if (latest.isEmpty() || CaptureRecord.KIND_CAPTURE.equals(latest.get().record().kind())) return latest;
        String after = latest.get().id();
        while (true) {
            List<StoredRecord> page = store.history(key, after, 50);
            for (StoredRecord r : page) {
                if (CaptureRecord.KIND_CAPTURE.equals(r.record().kind())) return Optional.of(r);
            }
            if (page.size() < 50) return Optional.empty();
            after = page.get(page.size() - 1).id();
        }
    }

    private static byte[] declarationJson(Terms terms) {
        try {
            return JSON.writeValueAsBytes(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the declaration of " + terms.service() + " / " + terms.type(), e);
        }
    }
}
