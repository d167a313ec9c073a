package org.clausecam.notify;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a feed entry says of a change. */
@Tag("unit")
class ChangeFeedTextTest {

    @Test
    void theSummaryKeepsTheFirstLinesOfTheDifferenceAndMarksTheCut() {
        String diff = "line\n".repeat(ChangeFeed.SUMMARY_LINES + 10);
        String summary = ChangeFeed.summary(diff);
        assertEquals(ChangeFeed.SUMMARY_LINES + 1, summary.lines().count());
        assertTrue(summary.endsWith("…\n"));
    }

    @Test
    void charactersXmlCannotHoldAreLeftOutOfTheSummary() {
        assertEquals("+a b\n", ChangeFeed.summary("+a\u0001 b\u0000"));
    }

    @Test
    void anEntryIdIsAUuidUrnThatDependsOnlyOnTheRecordHash() {
        String id = ChangeFeed.recordUrn("ab".repeat(32));
        assertTrue(id.matches("urn:uuid:[0-9a-f-]{36}"), id);
        assertEquals(id, ChangeFeed.recordUrn("ab".repeat(32)));
    }
}
