package org.clausecam.track;

import java.util.Optional;

/**
 * Flags a new version that lost most of its text against the previous one: a consent wall, an
 * error page served with 200, a half-rendered page or a changed selector looks exactly like that,
 * and such a version must not be recorded silently as the terms' new text.
 * <p>
 * Text is measured in non-whitespace characters, so that re-wrapping or Markdown spacing does not
 * count as loss. A previous version shorter than {@code minPreviousLength} is never judged: on tiny
 * documents a few words are most of the text.
 */
public final class ShrinkGuard {

    /** What a flagged version lost. */
    public record Shrinkage(long previousLength, long currentLength) {

        /** Share of the previous text that is gone, 0..1. */
        public double lostShare() {
            return previousLength == 0 ? 0 : 1 - (double) currentLength / previousLength;
        }

        /** One line for the record of the run, e.g. "lost 94% of its text (12,480 to 731 characters)". */
        public String reason() {
            return String.format(java.util.Locale.ROOT, "lost %d%% of its text (%,d to %,d characters) against the previous version",
                    (int) Math.floor(lostShare() * 100), previousLength, currentLength);
        }
    }

    private final double maxLostShare;
    private final int minPreviousLength;

    /**
     * @param maxLostShare      largest share of text a version may lose unflagged, e.g. 0.8
     * @param minPreviousLength previous versions shorter than this (non-whitespace characters) are not judged
     */
    public ShrinkGuard(double maxLostShare, int minPreviousLength) {
        if (maxLostShare <= 0 || maxLostShare >= 1) {
            throw new IllegalArgumentException("maxLostShare must be in (0, 1), was " + maxLostShare);
        }
        this.maxLostShare = maxLostShare;
        this.minPreviousLength = minPreviousLength;
    }

    /** Flags a loss of more than 80% of a previous text of at least 500 characters. */
    public static ShrinkGuard defaults() {
        return new ShrinkGuard(0.8, 500);
    }

    /**
     * @param previous the previous version's text, or {@code null} for a first capture
     * @param current  the new version's text
     * @return the shrinkage when the new version lost too much, else empty
     */
    public Optional<Shrinkage> check(String previous, String current) {
        if (previous == null) {
            return Optional.empty();
        }
        Shrinkage shrinkage = new Shrinkage(textLength(previous), textLength(current));
        if (shrinkage.previousLength() < minPreviousLength || shrinkage.lostShare() <= maxLostShare) {
            return Optional.empty();
        }
        return Optional.of(shrinkage);
    }

    static long textLength(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }
}
