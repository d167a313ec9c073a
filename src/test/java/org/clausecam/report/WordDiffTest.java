package org.clausecam.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
class WordDiffTest {

    @Test
    void aReplacedWordIsDeletedThenInserted() {
        WordDiff.Result diff = WordDiff.compare("We keep chats for 30 days.\n", "We keep chats for 90 days.\n");

        assertTrue(diff.html().contains("We keep chats for <del>30</del><ins>90</ins> days."), diff.html());
        assertEquals(1, diff.insertedWords());
        assertEquals(1, diff.deletedWords());
    }

    @Test
    void aRewrittenPhraseReadsAsOldPhraseThenNewPhraseNotAsACombOfWords() {
        WordDiff.Result diff = WordDiff.compare("We keep your data for a short time.", "We keep all of it for up to 5 years.");

        assertTrue(diff.html().contains("We keep <del>your data for a short time</del><ins>all of it for up to 5 years</ins>."), diff.html());
    }

    @Test
    void addedAndDeletedLinesAreWholeInsertionsAndDeletions() {
        WordDiff.Result diff = WordDiff.compare("a\nold line\nb\n", "a\nb\nnew line\n");

        assertTrue(diff.html().contains("<del>old line</del>"), diff.html());
        assertTrue(diff.html().contains("<ins>new line</ins>"), diff.html());
        assertEquals(2, diff.insertedWords());
        assertEquals(2, diff.deletedWords());
    }

    @Test
    void textFromTheStoreIsEscapedOnBothSides() {
        WordDiff.Result diff = WordDiff.compare("<script>alert('a')</script> & co", "<img src=x onerror=alert(1)> & co");

        assertFalse(diff.html().contains("<script"), diff.html());
        assertFalse(diff.html().contains("<img"), diff.html());
        assertTrue(diff.html().contains("&lt;<del>script&gt;</del>"), diff.html());
        assertTrue(diff.html().contains("&amp; co"), diff.html());
    }

    @Test
    void identicalTextsHaveNoMarks() {
        WordDiff.Result diff = WordDiff.compare("same\ntext\n", "same\ntext\n");

        assertTrue(diff.identical());
        assertFalse(diff.html().contains("<ins>") || diff.html().contains("<del>"));
        assertTrue(diff.html().contains("same\ntext"));
    }

    @Test
    void longUnchangedStretchesAreFoldedAwayKeepingThreeLinesOfContextAroundTheChange() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) before.append("line ").append(i).append('\n');
        String after = before.toString().replace("line 10\n", "line ten\n");

        String html = WordDiff.compare(before.toString(), after).html();

        assertTrue(html.contains("<summary>6 unchanged lines</summary>"), html);   // lines 1-6
        assertTrue(html.contains("<div class=\"lines\">line 7\nline 8\nline 9</div>"), html);
        assertTrue(html.contains("line <del>10</del><ins>ten</ins>"), html);
        assertTrue(html.contains("<div class=\"lines\">line 11\nline 12\nline 13</div>"), html);
        assertTrue(html.contains("<summary>7 unchanged lines</summary>"), html);   // lines 14-20
    }

    @Test
    void windowsLineEndingsDoNotCountAsChanges() {
        assertTrue(WordDiff.compare("a\r\nb\r\n", "a\nb\n").identical());
    }

    @Test
    void eachChangedPassageHasAnAnchorItsPlaceInTheNewerTextAndItsWordsForSearching() {
        String before = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n";
        String after = "one\ntwo\nthree and a half\nfour\nfive\nsix\nseven\neight\nnine quetzal\n";

        WordDiff.Result diff = WordDiff.compare(before, after);

        assertEquals(2, diff.changes().size());
        WordDiff.TextChange first = diff.changes().get(0);
        WordDiff.TextChange last = diff.changes().get(1);
        assertEquals("text-change-1", first.anchor());
        assertTrue(diff.html().contains("id=\"text-change-1\""), diff.html());
        assertEquals(2.0 / 9, first.position(), 1e-9);
        assertEquals(8.0 / 9, last.position(), 1e-9);
        assertTrue(last.words().contains("quetzal"), last.words());
    }
}
