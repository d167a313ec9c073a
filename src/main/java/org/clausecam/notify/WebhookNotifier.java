package org.clausecam.notify;

import org.clausecam.export.ChangeKind;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.Store;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;
import org.clausecam.track.TermsOutcome;
import org.clausecam.track.TrackListener;

import java.util.List;
import java.util.Map;

/**
 * Hears a run and queues a webhook event for each terms recorded for the first time, each change
 * and each failure; unchanged terms send nothing. The worker thread only queues: the record is read
 * from the store and the event sent on the sender's thread.
 */
public final class WebhookNotifier implements TrackListener {

    private final WebhookSender sender;
    private final Store store;
    private final Map<TermsKey, List<String>> declaredUrls;
    private final String agentVersion;

    /** @param declaredUrls each tracked terms' declared source-document URLs, named in failure events */
    public WebhookNotifier(WebhookSender sender, Store store, Map<TermsKey, List<String>> declaredUrls, String agentVersion) {
        this.sender = sender;
        this.store = store;
        this.declaredUrls = Map.copyOf(declaredUrls);
        this.agentVersion = agentVersion;
    }

    @Override
    public void termsFinished(TermsOutcome outcome) {
        switch (outcome.status()) {
            case UNCHANGED -> { }
            case FAILED -> sender.offer(() -> failure(outcome));
            case FIRST_RECORD, CHANGED -> sender.offer(() -> recorded(outcome));
        }
    }

    private WebhookEvent failure(TermsOutcome outcome) {
        TermsKey terms = outcome.terms();
        return new WebhookEvent("terms-failed", terms.service(), terms.termsType(), null, null, null, null, null,
                declaredUrls.getOrDefault(terms, List.of()), null,
                outcome.failure() == null ? null : outcome.failure().label(), outcome.reason(), agentVersion);
    }

    private WebhookEvent recorded(TermsOutcome outcome) throws Exception {
        TermsKey terms = outcome.terms();
        StoredRecord stored = store.record(terms, outcome.recordId()).orElseThrow(() -> new IllegalStateException(
                "record " + outcome.recordId() + " of " + terms.service() + " / " + terms.termsType() + " is not in " + store.describe()));
        CaptureRecord r = stored.record();
        ChangeKind kind = ChangeKind.of(r, outcome.status() != TermsOutcome.Status.FIRST_RECORD);
        String event = switch (kind) {
            case FIRST_RECORD -> "terms-first-record";
            case TECHNICAL -> "terms-technical-change";
            default -> "terms-changed";
        };
        return new WebhookEvent(event, r.service(), r.termsType(), stored.id(), stored.sha256(), r.previous(), r.version(),
                r.documents().stream().map(DocumentCapture::snapshot).toList(),
                r.documents().stream().map(DocumentCapture::location).toList(),
                r.fetchDate().toString(), null, null, agentVersion);
    }
}
