package org.clausecam.track;

import java.util.ArrayList;
import java.util.List;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;

/**
 * Whether a new version is a technical change rather than a change of the terms (Open Terms
 * Archive's "technical or declaration upgrade"). Two cases, both about a version that differs
 * from the previous capture's:
 * <ul>
 *   <li>every snapshot is the very same bytes as before: the page did not change, its
 *       extraction did (the agent, its decoding, the declaration);</li>
 *   <li>the fetcher of some document changed (plain HTTP ↔ browser) and the others' snapshots
 *       are the same: plain HTTP and the browser may see one page differently (a part only
 *       scripts add, a serialization). That alone proves nothing, since the page may have changed
 *       in the same run: the terms are captured again with the previous fetchers
 *       ({@link VersionCheck}), and only if that version is the previous one is the change
 *       technical.</li>
 * </ul>
 */
final class TechnicalChange {

    /** What the documents of two captures have in common. */
    record Comparison(boolean sameSnapshots, List<String> previousFetchers, String switches) {
    }

    private TechnicalChange() {
    }

    /**
     * How {@code now} compares with {@code previous}: null when some document's snapshot changed
     * under the same fetcher (a change of the terms, whatever else), or the documents differ.
     */
    static Comparison compare(CaptureRecord previous, List<DocumentCapture> now) {
        List<DocumentCapture> before = previous.documents();
        if (before.size() != now.size()) {
            return null;
        }
        List<String> switches = new ArrayList<>();
        List<String> fetchers = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            DocumentCapture a = before.get(i);
            DocumentCapture b = now.get(i);
            boolean sameDocument = a.documentId() == null ? b.documentId() == null : a.documentId().equals(b.documentId());
            if (!sameDocument) {
                return null;
            }
            fetchers.add(a.fetcher());
            if (!a.fetcher().equals(b.fetcher())) {
                switches.add((now.size() > 1 ? "document " + (i + 1) + ": " : "") + a.fetcher() + " → " + b.fetcher());
            } else if (!a.snapshot().equals(b.snapshot())) {
                return null;
            }
        }
        return new Comparison(switches.isEmpty(), fetchers, String.join(", ", switches));
    }
}
