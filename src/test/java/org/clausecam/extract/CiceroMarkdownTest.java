package org.clausecam.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Paragraphs of PDF text runs are written as markdown-cicero writes them. */
@Tag("unit")
class CiceroMarkdownTest {

    @Test
    void paragraphsAreSeparatedByABlankLineAndTheirRunsJoinedAsTheyAre() {
        assertEquals("First line and its second line.\n\nNext paragraph",
                CiceroMarkdown.of(List.of(List.of("First line ", "and its second line."), List.of("Next paragraph"))));
    }

    @Test
    void anEmptyParagraphStillAddsItsBlankLine() {
        assertEquals("Contents\n\n\n\n1 Summary", CiceroMarkdown.of(List.of(List.of("Contents"), List.of(""), List.of("1 Summary"))));
    }

    @Test
    void theWholeIsTrimmedAsJavaScriptTrims() {
        assertEquals("Text", CiceroMarkdown.of(List.of(List.of("\u00A0"), List.of("Text  "))));
        assertEquals("", CiceroMarkdown.of(List.of(List.of(" "), List.of())));
    }

    @Test
    void markdownCharactersAreEscapedAnywhereInARun() {
        assertEquals("a \\* b \\` c \\& d \\> e", CiceroMarkdown.escape("a * b ` c & d > e"));
    }

    @Test
    void blockMarkersAreEscapedOnlyAtTheStartOfEachRun() {
        assertEquals("\\## Title", CiceroMarkdown.escape("## Title"));
        assertEquals("12\\. Item", CiceroMarkdown.escape("12. Item"));
        assertEquals("\\- item", CiceroMarkdown.escape("- item"));
        assertEquals("\\_under", CiceroMarkdown.escape("_under"));
        assertEquals("see 1. and - and _x", CiceroMarkdown.escape("see 1. and - and _x"));
    }
}
