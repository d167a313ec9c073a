package org.clausecam.cli;

import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.TermsKey;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code --services} and {@code --types} of a command that reads the store: a name the store holds
 * no records of is a typo, said at once, rather than an empty export that looks right.
 */
final class StoredTerms {

    private static final int SHOWN = 20;

    private StoredTerms() {
    }

    /** Bad usage (exit 2) naming the first of {@code services} that the store has no records of; nothing when all are there. */
    static void requireServices(Store store, Collection<String> services) throws StoreException {
        require(store, services, TermsKey::service, "--services", "service");
    }

    /** Bad usage (exit 2) naming the first of {@code types} that no terms in the store has; nothing when all are there. */
    static void requireTypes(Store store, Collection<String> types) throws StoreException {
        require(store, types, TermsKey::termsType, "--types", "terms type");
    }

    private static void require(Store store, Collection<String> names, Function<TermsKey, String> name, String option,
                                String what) throws StoreException {
        if (names.isEmpty()) return;
        TreeSet<String> known = new TreeSet<>();
        for (TermsKey terms : store.terms()) known.add(name.apply(terms));
        for (String asked : names) {
            if (!known.contains(asked)) {
                List<String> shown = known.stream().limit(SHOWN).toList();
                throw new UsageException(option + " " + UserText.printable(asked) + ": no records of that " + what + " in "
                        + store.describe() + (known.isEmpty() ? " (it holds none)"
                        : " (" + what + "s there: " + UserText.printable(String.join(", ", shown)) + (known.size() > SHOWN ? ", …" : "") + ")"));
            }
        }
    }
}
