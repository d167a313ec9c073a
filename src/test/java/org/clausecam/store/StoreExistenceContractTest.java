package org.clausecam.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What makes a folder or prefix a store, the same over every backend: reading commands refuse
 * a location that holds none, writing commands create one there only when allowed, and say so.
 */
abstract class StoreExistenceContractTest {

    static final TermsKey TERMS = new TermsKey("Example Service", "Terms of Service");

    /** A store object for a fresh location of this backend, nothing written to it yet. */
    abstract LayoutStore at(String name) throws Exception;

    @Test
    void a_mistyped_location_is_no_store_rather_than_an_empty_consistent_one() throws Exception {
        try (LayoutStore real = at("archive"); LayoutStore typo = at("archvie")) {
            Stores.prepareForWriting(real, true);
            Captures.appendMany(real, TERMS, 1);

            NoStoreException e = assertThrows(NoStoreException.class, typo::requireStore);

            assertTrue(e.getMessage().startsWith("no store at " + typo.describe()), e.getMessage());
            real.requireStore();
        }
    }

    @Test
    void the_first_writer_creates_the_store_and_says_so_later_ones_find_it() throws Exception {
        try (LayoutStore store = at("new")) {
            assertFalse(store.holdsStore());

            OpenedStore first = Stores.prepareForWriting(store, true);
            OpenedStore second = Stores.prepareForWriting(store, true);

            assertTrue(first.created());
            assertFalse(second.created());
            assertTrue(store.objectExists(StoreLayout.MARKER));
            String marker = new String(store.readObject(StoreLayout.MARKER).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(marker.contains("\"format\" : \"clausecam-store/1\""), marker);
            assertEquals(java.util.List.of(), new StoreVerifier(store).verify().findings(), "the marker and the probe leave no debris");
        }
    }

    @Test
    void without_permission_to_create_a_missing_store_is_an_error_and_nothing_is_written() throws Exception {
        try (LayoutStore store = at("unmounted")) {
            NoStoreException e = assertThrows(NoStoreException.class, () -> Stores.prepareForWriting(store, false));

            assertTrue(e.getMessage().contains("--no-create-store"), e.getMessage());
            assertFalse(store.holdsStore(), "nothing was written");
        }
    }

    @Test
    void a_store_made_before_the_marker_existed_is_recognised_by_its_records() throws Exception {
        try (LayoutStore old = at("old")) {
            Captures.appendMany(old, TERMS, 2);
            assertFalse(old.objectExists(StoreLayout.MARKER));

            old.requireStore();
            assertFalse(Stores.prepareForWriting(old, false).created());
            assertTrue(old.objectExists(StoreLayout.MARKER), "the marker is added when it is next written");
        }
    }
}
