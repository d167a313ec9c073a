package org.clausecam.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.clausecam.capture.CaptureException;
import org.clausecam.capture.CapturedSource;
import org.clausecam.capture.PageResource;
import org.clausecam.declarations.Terms;
import org.clausecam.extract.ExtractionException;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.ResourceCapture;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.Sha256;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;
import org.clausecam.store.UnreadableBlobException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that writes captures into the store: blobs first, then the record chained to the
 * terms' latest one, so that a crash in between leaves only harmless orphan blobs. Page captures
 * say whether the version changed against the previous page capture and pass the shrink guard;
 * e-mail evidence joins the same chain but is never a version to compare with.
 *
 * <p>Safe to share between threads as long as two threads never record the same terms at once
 * (a run tracks each terms once).
 */
public final class Recorder {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Store store;
    private final String agentVersion;
    private final ShrinkGuard shrinkGuard;

    /**
     * @param shrinkGuard refuses to record a version that lost most of the previous one's text
     *                    (a broken page, a consent wall); {@code null} records every version
     */
    public Recorder(Store store, String agentVersion, ShrinkGuard shrinkGuard) {
        this.store = store;
        this.agentVersion = agentVersion;
        this.shrinkGuard = shrinkGuard;
    }

    /**
     * Stores a capture and appends its record. When the previous version's blob is missing or
     * corrupt, there is nothing to compare the new version's length with: it is recorded without
     * the shrink check, with a note saying so (the damaged blob stays as it is, for verify).
     *
     * @throws SuspiciousVersionException the version lost most of the previous version's text (nothing recorded)
     * @throws StoreException             the store failed ({@link org.clausecam.store.StoreUnavailableException}
     *                                    when it is down altogether)
     */
    public RecordedCapture recordCapture(Terms terms, CapturedTerms capture) throws StoreException, SuspiciousVersionException {
        return recordCapture(terms, capture, null);
    }

    /**
     * As {@link #recordCapture(Terms, CapturedTerms)}; a new version that came with a change of
     * fetcher is checked with {@code check} (the terms captured again with the previous
     * fetchers) and recorded as a technical change when that gives the previous version
     * ({@link TechnicalChange}). Without a check, or when it fails, it is a change of the terms.
     */
    public RecordedCapture recordCapture(Terms terms, CapturedTerms capture, VersionCheck check)
            throws StoreException, SuspiciousVersionException {
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
                    snapshot, screenshot, source.screenshot() == null ? null : source.screenshot().height(), source.notes(),
                    resources(source.resources())));
        }
        String versionHash = store.putBlob(version.getBytes(StandardCharsets.UTF_8));
        String declarationHash = store.putBlob(declarationJson(terms));
        Optional<StoredRecord> latest = store.latest(key);
        Optional<StoredRecord> compared = latestCapture(key, latest);
        // Whether it changed needs only the previous version's hash, which its record holds.
        boolean changed = compared.map(l -> !l.record().version().equals(versionHash)).orElse(true);
        List<String> notes = new ArrayList<>();
        if (changed && compared.isPresent() && shrinkGuard != null) {
            Optional<String> previous = previousVersion(compared.get(), notes);
            Optional<ShrinkGuard.Shrinkage> shrunk = previous.flatMap(p -> shrinkGuard.check(p, version));
            if (shrunk.isPresent()) throw new SuspiciousVersionException(shrunk.get().reason());
        }
        Instant fetchDate = captured.stream().map(c -> c.document().fetchedAt()).max(Instant::compareTo).orElseGet(Instant::now);
        String technical = changed && compared.isPresent() ? technical(compared.get().record(), documents, check, notes) : null;
        StoredRecord stored = store.append(new CaptureRecord(terms.service(), terms.type(), fetchDate, CaptureRecord.KIND_CAPTURE,
                documents, versionHash, changed && technical == null, latest.map(StoredRecord::sha256).orElse(null), declarationHash,
                agentVersion, technical == null ? null : CaptureRecord.CHANGE_TECHNICAL, technical));
        return new RecordedCapture(stored, notes);
    }

    /** Each kept response's body as a blob (a stylesheet shared by many pages is stored once). */
    private List<ResourceCapture> resources(List<PageResource> kept) throws StoreException {
        List<ResourceCapture> resources = new ArrayList<>();
        for (PageResource r : kept) {
            resources.add(new ResourceCapture(r.url(), r.method(), r.status(), r.statusLine(), r.headers(), r.mime(),
                    store.putBlob(r.body()), r.requestHeaders()));
        }
        return resources;
    }

    /** Why a new version is a technical change, or null when it is a change of the terms. */
    private static String technical(CaptureRecord previous, List<DocumentCapture> now, VersionCheck check, List<String> notes) {
        TechnicalChange.Comparison comparison = TechnicalChange.compare(previous, now);
        if (comparison == null) return null;
        if (comparison.sameSnapshots()) return "the same snapshot extracted anew (the agent, its decoding or the declaration changed)";
        if (check == null) return null;
        try {
            String before = check.versionWith(comparison.previousFetchers());
            return Sha256.hex(before.getBytes(StandardCharsets.UTF_8)).equals(previous.version())
                    ? "fetcher changed: " + comparison.switches() + "; captured again as before, the version is the previous one"
                    : null;
        } catch (FetchException | CaptureException | ExtractionException e) {
            // Not shown to be technical, so it stays a change of the terms; the summary says why.
            notes.add("fetcher changed (" + comparison.switches() + ") and capturing again as before failed ("
                    + e.getMessage() + "): recorded as a change of the terms");
            return null;
        }
    }

    /**
     * The text of the version a new one is compared with, or empty (and a note) when its blob was
     * lost or altered: a damaged old blob must not keep every later version of the terms out of the
     * store. An outage is not a lost blob, and still stops the capture.
     */
    private Optional<String> previousVersion(StoredRecord compared, List<String> notes) throws StoreException {
        try {
            return Optional.of(new String(store.getBlob(compared.record().version()), StandardCharsets.UTF_8));
        } catch (UnreadableBlobException e) {
            notes.add("the previous version's blob (record " + compared.id() + ", " + e.sha256() + ") is "
                    + (e.corrupt() ? "corrupt" : "missing") + ": the shrink check was skipped (run verify)");
            return Optional.empty();
        }
    }

    /**
     * Stores an e-mail and appends it to the terms' chain as evidence, dated by the e-mail.
     *
     * @throws StoreException the store failed
     */
    public StoredRecord recordEmail(TermsKey key, EmailEvidence email) throws StoreException {
        String message = store.putBlob(email.message());
        String screenshot = store.putBlob(email.screenshotPng());
        String text = store.putBlob(email.text().getBytes(StandardCharsets.UTF_8));
        DocumentCapture document = new DocumentCapture(null, email.id(), email.id(), "email", 0, null, email.headers(),
                "message/rfc822", message, screenshot, email.screenshotHeight());
        String previous = store.latest(key).map(StoredRecord::sha256).orElse(null);
        return store.append(new CaptureRecord(key.service(), key.termsType(), email.date(), CaptureRecord.KIND_EMAIL,
                List.of(document), text, false, previous, null, agentVersion));
    }

    /**
     * The record a new capture is compared with: the latest page capture, passing over e-mail
     * evidence recorded since (an e-mail's text is not a version of the terms).
     */
    private Optional<StoredRecord> latestCapture(TermsKey key, Optional<StoredRecord> latest) throws StoreException {
        if (latest.isEmpty() || CaptureRecord.KIND_CAPTURE.equals(latest.get().record().kind())) return latest;
        return store.captureBefore(key, latest.get().id());
    }

    private static byte[] declarationJson(Terms terms) {
        try {
            return JSON.writeValueAsBytes(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the declaration of " + terms.service() + " / " + terms.type(), e);
        }
    }
}
