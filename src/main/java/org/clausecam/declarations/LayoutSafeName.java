package org.clausecam.declarations;

import java.util.Optional;

/**
 * Service ids and terms types become folder and file names in stores and exports; a name that
 * could climb out of its folder or confuse a file system is refused at the door.
 */
public final class LayoutSafeName {

    private LayoutSafeName() {}

    /** Why {@code name} cannot be used as a path component, or empty when it can. */
    public static Optional<String> whyUnsafe(String name) {
        if (name == null || name.isEmpty()) return Optional.of("is empty");
        if (name.equals(".") || name.equals("..") || name.contains("..")) return Optional.of("contains '..'");
        if (name.indexOf('/') >= 0) return Optional.of("contains '/'");
        if (name.indexOf('\\') >= 0) return Optional.of("contains '\\'");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) return Optional.of(String.format("contains control character U+%04X", (int) c));
        }
        return Optional.empty();
    }

    public static boolean isSafe(String name) { return whyUnsafe(name).isEmpty(); }
}
