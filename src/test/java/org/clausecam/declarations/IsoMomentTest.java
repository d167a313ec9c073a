package org.clausecam.declarations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class IsoMomentTest {

    @Test
    void anInstantIsItselfWhicheverEndIsAsked() {
        Instant instant = Instant.parse("2026-08-01T10:30:00Z");

        assertEquals(Optional.of(instant), IsoMoment.startOf("2026-08-01T10:30:00Z"));
        assertEquals(Optional.of(instant), IsoMoment.endOf("2026-08-01T10:30:00Z"));
    }

    @Test
    void aBareDateIsAUtcDayFromItsFirstToItsLastInstant() {
        assertEquals(Optional.of(Instant.parse("2026-08-01T00:00:00Z")), IsoMoment.startOf("2026-08-01"));
        assertEquals(Optional.of(Instant.parse("2026-08-01T23:59:59.999999999Z")), IsoMoment.endOf("2026-08-01"));
    }

    @Test
    void anythingElseIsNoMoment() {
        assertEquals(Optional.empty(), IsoMoment.startOf("r000042"));
        assertEquals(Optional.empty(), IsoMoment.endOf("01/08/2026"));
    }
}
