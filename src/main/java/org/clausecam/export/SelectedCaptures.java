package org.clausecam.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

/** The records an export takes, oldest first across all terms (a WARC reads as the crawl went). */
final class SelectedCaptures {

    private static final int PAGE = 200;

    private SelectedCaptures() {
    }

    static List<StoredRecord> in(Store store, ExportSelection selection) throws StoreException {
        List<StoredRecord> selected = new ArrayList<>();
        for (TermsKey terms : store.terms()) {
            if (!selection.takesService(terms.service())) continue;
            String after = null;
            while (true) {
                List<StoredRecord> page = store.history(terms, after, PAGE);
                for (StoredRecord r : page) {
                    if (selection.takes(r.record())) selected.add(r);
                }
                if (page.size() < PAGE) break;
                after = page.get(page.size() - 1).id();
            }
        }
        selected.sort(Comparator.comparing((StoredRecord r) -> r.record().fetchDate())
                .thenComparing(r -> r.record().service()).thenComparing(r -> r.record().termsType()));
        return selected;
    }
}
