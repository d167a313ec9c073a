package org.clausecam.export;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.LayoutStore;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real {@code file:} store filled record by record, as track and capture-email would have
 * filled it: blobs first, then records chained to the latest of their terms.
 */
public final class StoreHistories implements AutoCloseable {

    private final LayoutStore store;

    public StoreHistories(Path dir) throws StoreException {
        this.store = Stores.openForWriting("file:" + dir, true).store();
    }

    public Store store() {
        return store;
    }

    /** A page capture of one document per entry of {@code documents} (document id → HTML); null id for a single document. */
    public StoredRecord capture(String service, String type, Instant at, String version, Map<String, String> documents)
            throws StoreException {
        return capture(service, type, at, version, documents, "text/html");
    }

    public StoredRecord capture(String service, String type, Instant at, String version, Map<String, String> documents,
                                String mimeType) throws StoreException {
        List<DocumentCapture> captured = new ArrayList<>();
        for (Map.Entry<String, String> d : documents.entrySet()) {
            String id = d.getKey().isEmpty() ? null : d.getKey();
            captured.add(new DocumentCapture(id, "https://" + service.toLowerCase() + ".example/" + (id == null ? "terms" : id),
                    "https://" + service.toLowerCase() + ".example/" + (id == null ? "terms" : id), "browser", 200, "HTTP/1.1 200 OK",
                    Map.of(), mimeType, store.putBlob(d.getValue().getBytes(StandardCharsets.UTF_8)), null, null));
        }
        return append(service, type, at, CaptureRecord.KIND_CAPTURE, captured, version);
    }

    public StoredRecord capture(String service, String type, Instant at, String version, String html) throws StoreException {
        return capture(service, type, at, version, Map.of("", html));
    }

    public StoredRecord email(String service, String type, Instant at) throws StoreException {
        DocumentCapture mail = new DocumentCapture(null, "mid:1@example", "mid:1@example", "email", 200, "", Map.of(),
                "message/rfc822", store.putBlob("From: a@example\r\n\r\nWe changed our terms".getBytes(StandardCharsets.UTF_8)), null, null);
        return append(service, type, at, CaptureRecord.KIND_EMAIL, List.of(mail), "We changed our terms");
    }

    private StoredRecord append(String service, String type, Instant at, String kind, List<DocumentCapture> documents, String version)
            throws StoreException {
        TermsKey key = new TermsKey(service, type);
        StoredRecord latest = store.latest(key).orElse(null);
        String versionHash = store.putBlob(version.getBytes(StandardCharsets.UTF_8));
        boolean changed = false;
        if (latest != null && CaptureRecord.KIND_CAPTURE.equals(kind)) {
            changed = !versionHash.equals(lastCaptureVersion(key));
        }
        return store.append(new CaptureRecord(service, type, at, kind, documents, versionHash, changed,
                latest == null ? null : latest.sha256(), null, "test"));
    }

    private String lastCaptureVersion(TermsKey key) throws StoreException {
        for (StoredRecord r : store.history(key, null, 1000)) {
            if (CaptureRecord.KIND_CAPTURE.equals(r.record().kind())) return r.record().version();
        }
        return null;
    }

    @Override
    public void close() throws StoreException {
        store.close();
    }
}
