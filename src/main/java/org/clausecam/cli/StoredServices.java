package org.clausecam.cli;

import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.TermsKey;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** {@code --services} of a command that reads the store: a service the store holds no records of is a typo, said at once. */
final class StoredServices {

    private StoredServices() {
    }

    /** Bad usage (exit 2) naming the first of {@code services} that the store has no records of; nothing when all are there. */
    static void requireKnown(Store store, Collection<String> services) throws StoreException {
        if (services.isEmpty()) return;
        TreeSet<String> known = new TreeSet<>();
        for (TermsKey terms : store.terms()) known.add(terms.service());
        for (String service : services) {
            if (!known.contains(service)) {
                List<String> shown = known.stream().limit(20).toList();
                throw new UsageException("--services " + UserText.printable(service) + ": no records of that service in "
                        + store.describe() + (known.isEmpty() ? " (it holds none)"
                        : " (services there: " + UserText.printable(String.join(", ", shown)) + (known.size() > 20 ? ", …" : "") + ")"));
            }
        }
    }
}
