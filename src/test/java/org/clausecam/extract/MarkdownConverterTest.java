package org.clausecam.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** HTML to Markdown in turndown's conventions, as Open Terms Archive records versions. */
@Tag("unit")
class MarkdownConverterTest {
    private final MarkdownConverter converter = new MarkdownConverter();

    private String convert(String bodyHtml) {
        return converter.convert(Jsoup.parse("<body>" + bodyHtml + "</body>").body());
    }

    @Test
    void headingsAreSetextUnderlinedToTheirLengthForLevelsOneAndTwoAndHashesBelow() {
        assertEquals("Terms of Service\n================\n\nPrivacy\n-------\n\n### Scope\n\n##### Deep",
                convert("<h1>Terms of Service</h1><h2>Privacy</h2><h3>Scope</h3><h5>Deep</h5>"));
    }

    @Test
    void bulletsUseAStarAndThreeSpacesAndNestedListsIndentByFour() {
        assertEquals("*   one\n*   two\n    *   nested", convert("<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>"));
    }

    @Test
    void orderedListsCountFromTheirStartAndIndentParagraphsInItems() {
        assertEquals("3.  three\n4.  four\n    \n    more", convert("<ol start=\"3\"><li>three</li><li><p>four</p><p>more</p></li></ol>"));
    }

    @Test
    void emphasisStrongRulesAndLineBreaks() {
        assertEquals("Some _emphasis_, _italic_, **strong** and **bold**.\n\n* * *\n\nline  \nbreak",
                convert("<p>Some <em>emphasis</em>, <i>italic</i>, <strong>strong</strong> and <b>bold</b>.</p><hr><p>line<br>break</p>"));
    }

    @Test
    void blockquotesPrefixEveryLine() {
        assertEquals("> quoted\n> \n> twice", convert("<blockquote><p>quoted</p><p>twice</p></blockquote>"));
    }

    @Test
    void inlineCodeUsesBackticksAndCodeBlocksAreIndented() {
        assertEquals("Run `npm test` now\n\n    line one\n    line two",
                convert("<p>Run <code>npm test</code> now</p><pre><code>line one\nline two</code></pre>"));
    }

    @Test
    void linkTextIsTrimmedAndLinksWithoutHrefAreText() {
        assertEquals("See [the terms](https://example.com/a) and [top](#top) and no href.",
                convert("<p>See <a href=\"https://example.com/a\"> the   terms </a> and <a href=\"#top\">top</a> and <a>no href</a>.</p>"));
    }

    @Test
    void markdownCharactersAreEscapedAndLineStartSyntaxOnlyAtTheStartOfAText() {
        assertEquals("1\\. not a list \\* star \\_under\\_ \\[brackets\\] \\`tick\\` \\\\ back\n\n\\- dash\n\n\\# hash\n\n\\> quote",
                convert("<p>1. not a list * star _under_ [brackets] `tick` \\ back</p><p>- dash</p><p># hash</p><p>&gt; quote</p>"));
    }

    @Test
    void tablesWithAHeadingRowGetADividerAndPipesInCellsAreEscaped() {
        assertEquals("| Name | Value |\n| --- | --- |\n| a\\|b | 1   |",
                convert("<table><thead><tr><th>Name</th><th align=\"right\">Value</th></tr></thead><tbody><tr><td>a|b</td><td>1</td></tr></tbody></table>"));
    }

    @Test
    void tablesWithoutAHeadingRowGetAnEmptyHeadingAndColspansAddCells() {
        assertEquals("|     |     |\n| --- | --- |\n| no  | heading |\n| wide |     |",
                convert("<table><tr><td>no</td><td>heading</td></tr><tr><td colspan=\"2\">wide</td></tr></table>"));
    }

    @Test
    void aTableWithOneCellIsJustItsContent() {
        assertEquals("single cell", convert("<table><tr><td>single cell</td></tr></table>"));
    }

    @Test
    void strikethroughUsesOneTildeAndCheckboxesInListItemsAreTasks() {
        assertEquals("~gone~ ~struck~\n\n*   [x]  done\n*   [ ]  todo",
                convert("<p><del>gone</del> <s>struck</s></p><ul><li><input type=\"checkbox\" checked> done</li><li><input type=\"checkbox\"> todo</li></ul>"));
    }

    @Test
    void whitespaceCollapsesAndBlankElementsDisappear() {
        assertEquals("lots of whitespace inside",
                convert("<div>  lots   of\n\n whitespace  <span> inside </span>  </div><p>   </p><div><em> </em></div>"));
    }

    @Test
    void imagesKeepTheirSourceAsWrittenAndImagesWithoutSourceVanish() {
        assertEquals("An ![Logo\\_1](/logo.png \"The logo\") image and",
                convert("<p>An <img src=\"/logo.png\" alt=\"Logo_1\" title=\"The logo\"> image and <img alt=\"no src\"></p>"));
    }

    @Test
    void nonBreakingSpacesAreKept() {
        assertEquals("a\u00A0b \u00A0lead", convert("<p>a\u00A0b <span>\u00A0lead</span></p>"));
    }
}
