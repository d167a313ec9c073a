package org.clausecam.track;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("unit")
class ShrinkGuardTest {

    private static final String TERMS = "# Terms of Service\n\n" + "You agree to these terms by using the service. ".repeat(60);
    private final ShrinkGuard guard = ShrinkGuard.defaults();

    @Test
    void flagsAVersionThatLostMostOfItsText() {
        Optional<ShrinkGuard.Shrinkage> flagged = guard.check(TERMS, "# Terms of Service\n\nPlease accept cookies to continue.");

        assertTrue(flagged.isPresent());
        assertTrue(flagged.get().lostShare() > 0.95);
        assertTrue(flagged.get().reason().startsWith("lost 98% of its text (2,295 to 45 characters)"), flagged.get().reason());
    }

    @Test
    void flagsAVersionThatLostAllOfItsText() {
        assertEquals(1.0, guard.check(TERMS, "").orElseThrow().lostShare());
    }

    @Test
    void letsAnOrdinaryEditThrough() {
        String edited = TERMS.replace("service", "services and apps") + "A new clause about arbitration.";

        assertEquals(Optional.empty(), guard.check(TERMS, edited));
    }

    @Test
    void letsAVersionThatLostLessThanTheLimitThrough() {
        String fifth = TERMS.substring(0, TERMS.length() / 4);

        assertEquals(Optional.empty(), guard.check(TERMS, fifth));
    }

    @Test
    void doesNotCountWhitespaceAsText() {
        String rewrapped = TERMS.replace(" ", "\n\n   ");

        assertEquals(Optional.empty(), guard.check(rewrapped, TERMS));
    }

    @Test
    void neverJudgesAFirstCaptureOrATinyPreviousVersion() {
        assertEquals(Optional.empty(), guard.check(null, "anything"));
        assertEquals(Optional.empty(), guard.check("Short terms: be nice.", ""));
    }

    @Test
    void refusesAMeaninglessLimit() {
        assertThrows(IllegalArgumentException.class, () -> new ShrinkGuard(1.0, 500));
    }
}
