package org.clausecam.declarations;

/**
 * What a declaration's {@code select} or {@code remove} names: a CSS selector, or a range
 * between two CSS selectors, as Open Terms Archive's format allows.
 */
public sealed interface Selector {

    /** A plain CSS selector. */
    record Css(String css) implements Selector {
        @Override public String toString() { return css; }
    }

    /**
     * A range: starts before or after the first match of one selector and ends before or after
     * the first match of another. Exactly one start and one end are set.
     */
    record Range(String startBefore, String startAfter, String endBefore, String endAfter) implements Selector {
        public String start() { return startBefore != null ? startBefore : startAfter; }
        public boolean startsInclusive() { return startBefore != null; }
        public String end() { return endBefore != null ? endBefore : endAfter; }
        public boolean endsInclusive() { return endAfter != null; }

        @Override public String toString() {
            return "{" + (startBefore != null ? "startBefore: " + startBefore : "startAfter: " + startAfter)
                    + ", " + (endBefore != null ? "endBefore: " + endBefore : "endAfter: " + endAfter) + "}";
        }
    }
}
