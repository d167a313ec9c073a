package org.clausecam.declarations;

import org.clausecam.store.StoreNames;

import java.util.Optional;

/**
 * Service ids and terms types become folder and file names in stores and exports; a name that
 * could climb out of its folder or confuse a file system is refused at the door — by the store's
 * own rule, so that what {@code validate} accepts the store accepts too.
 */
public final class LayoutSafeName {

    private LayoutSafeName() {}

    /** Why {@code name} cannot be used as a path component, or empty when it can. */
    public static Optional<String> whyUnsafe(String name) {
        return StoreNames.whyUnusable(name);
    }

    public static boolean isSafe(String name) { return whyUnsafe(name).isEmpty(); }
}
