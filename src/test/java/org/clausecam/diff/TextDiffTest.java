package org.clausecam.diff;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("unit")
class TextDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", TextDiff.unified("a", "same\ntext", "b", "same\ntext"));
    }

    @Test
    void changedLineIsShownAsRemovalThenAddition() {
        String diff = TextDiff.unified("before", "Title\n\nWe keep data 30 days.\n\nEnd",
                "after", "Title\n\nWe keep data 90 days.\n\nEnd");
        assertTrue(diff.startsWith("--- before\n+++ after\n@@ "), diff);
        assertTrue(diff.contains("\n-We keep data 30 days.\n+We keep data 90 days.\n"), diff);
    }
}
