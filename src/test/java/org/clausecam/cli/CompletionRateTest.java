package org.clausecam.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rate and ETA a live run shows: from recent completions across workers, rounded as people read them. */
@Tag("unit")
class CompletionRateTest {

    private static final Instant START = Instant.parse("2026-12-05T06:00:00Z");

    @Test
    void theRateIsUnknownBeforeTheFirstCompletion() {
        CompletionRate rate = new CompletionRate(START, 20);

        assertTrue(rate.perMinute().isEmpty());
        assertEquals(Optional.empty(), rate.remaining(10));
    }

    @Test
    void theFirstCompletionIsMeasuredFromTheRunsStart() {
        CompletionRate rate = new CompletionRate(START, 20);
        rate.completed(START.plusSeconds(20));

        assertEquals(3.0, rate.perMinute().getAsDouble(), 1e-9);
        assertEquals(Optional.of(Duration.ofSeconds(200)), rate.remaining(10));
    }

    @Test
    void completionsOfParallelWorkersAddUp() {
        CompletionRate rate = new CompletionRate(START, 20);
        // Two workers, each finishing a terms every 30 s: together two a minute... twice over.
        rate.completed(START.plusSeconds(30));
        rate.completed(START.plusSeconds(30));
        rate.completed(START.plusSeconds(60));
        rate.completed(START.plusSeconds(60));

        assertEquals(4.0, rate.perMinute().getAsDouble(), 1e-9);
    }

    @Test
    void onlyTheMostRecentCompletionsCount() {
        CompletionRate rate = new CompletionRate(START, 2);
        rate.completed(START.plusSeconds(600)); // a slow start: the browser was cold
        rate.completed(START.plusSeconds(610));
        rate.completed(START.plusSeconds(620));

        assertEquals(6.0, rate.perMinute().getAsDouble(), 1e-9);
    }

    @Test
    void ratesShowOneDecimalUntilTheyAreLarge() {
        assertEquals("3.1/min", CompletionRate.rateText(3.14));
        assertEquals("0.4/min", CompletionRate.rateText(0.38));
        assertEquals("99.9/min", CompletionRate.rateText(99.94));
        assertEquals("100/min", CompletionRate.rateText(99.96));
        assertEquals("240/min", CompletionRate.rateText(240.4));
    }

    @Test
    void underAMinuteTheEtaIsInRoundedSeconds() {
        assertEquals("0 s", CompletionRate.etaText(Duration.ZERO));
        assertEquals("45 s", CompletionRate.etaText(Duration.ofMillis(44_600)));
        assertEquals("59 s", CompletionRate.etaText(Duration.ofMillis(59_400)));
    }

    @Test
    void underAnHourTheEtaIsInRoundedMinutes() {
        assertEquals("1 min", CompletionRate.etaText(Duration.ofMillis(59_600)));
        assertEquals("1 min", CompletionRate.etaText(Duration.ofSeconds(89)));
        assertEquals("2 min", CompletionRate.etaText(Duration.ofSeconds(90)));
        assertEquals("59 min", CompletionRate.etaText(Duration.ofSeconds(59 * 60 + 29)));
    }

    @Test
    void fromAnHourTheEtaIsInHoursAndMinutes() {
        assertEquals("1 h", CompletionRate.etaText(Duration.ofSeconds(59 * 60 + 30)));
        assertEquals("1 h 10 min", CompletionRate.etaText(Duration.ofMinutes(70)));
        assertEquals("2 h", CompletionRate.etaText(Duration.ofMinutes(120).plusSeconds(20)));
        assertEquals("26 h 5 min", CompletionRate.etaText(Duration.ofHours(26).plusMinutes(5)));
    }

    @Test
    void theEtaOfTheExampleRunIsAboutAnHour() {
        CompletionRate rate = new CompletionRate(START, 20);
        for (int i = 1; i <= 12; i++) rate.completed(START.plusMillis(Math.round(i * 60_000 / 3.1)));

        assertEquals("3.1/min", CompletionRate.rateText(rate.perMinute().getAsDouble()));
        assertEquals("1 h 14 min", CompletionRate.etaText(rate.remaining(240 - 12).orElseThrow()));
    }
}
