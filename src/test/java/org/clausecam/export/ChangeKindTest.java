package org.clausecam.export;

import org.clausecam.store.CaptureRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("unit")
class ChangeKindTest {

    private static final String V = "a".repeat(64);

    private static CaptureRecord capture(boolean changed, String change) {
        return new CaptureRecord("Example", "Terms of Service", Instant.parse("2026-12-05T06:00:00Z"), CaptureRecord.KIND_CAPTURE,
                List.of(), V, changed, "b".repeat(64), null, "0.1.0", change, change == null ? null : "fetcher changed: http → browser");
    }

    @Test
    void a_technical_change_is_an_upgrade_commit_and_never_announced_as_a_change_of_the_terms() {
        ChangeKind kind = ChangeKind.of(capture(false, CaptureRecord.CHANGE_TECHNICAL), true);
        assertEquals(ChangeKind.TECHNICAL, kind);
        assertFalse(kind.changesTerms());
    }

    @Test
    void a_changed_version_is_a_change_and_an_unchanged_one_is_not() {
        assertEquals(ChangeKind.CHANGED, ChangeKind.of(capture(true, null), true));
        assertTrue(ChangeKind.CHANGED.changesTerms());
        assertEquals(ChangeKind.UNCHANGED, ChangeKind.of(capture(false, null), true));
    }

    @Test
    void the_first_capture_of_a_terms_is_its_first_record() {
        assertEquals(ChangeKind.FIRST_RECORD, ChangeKind.of(capture(true, null), false));
    }
}
