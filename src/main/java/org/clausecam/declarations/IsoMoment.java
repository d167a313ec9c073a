package org.clausecam.declarations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A moment as people give it on the command line: an ISO-8601 instant
 * ({@code 2026-08-01T10:30:00Z}) or a bare date ({@code 2026-08-01}, a UTC day). Whether a day
 * stands for its first or its last instant depends on the question asked, so both are offered.
 */
public final class IsoMoment {

    private IsoMoment() {
    }

    /** The instant, or the first instant of the day; empty when {@code text} is neither. */
    public static Optional<Instant> startOf(String text) {
        return parse(text, false);
    }

    /** The instant, or the last instant of the day; empty when {@code text} is neither. */
    public static Optional<Instant> endOf(String text) {
        return parse(text, true);
    }

    private static Optional<Instant> parse(String text, boolean endOfDay) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate day = LocalDate.parse(text);
                return Optional.of(endOfDay
                        ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
