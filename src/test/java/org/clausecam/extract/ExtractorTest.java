package org.clausecam.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clausecam.declarations.FilterRef;
import org.clausecam.declarations.Selector;
import org.clausecam.declarations.SourceDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The extraction pipeline: clean-up, remove, select, then Markdown, with Open Terms Archive's meaning. */
@Tag("unit")
class ExtractorTest {
    private static final URI LOCATION = URI.create("https://example.com/legal/terms");
    private final Extractor extractor = new Extractor();

    private static SourceDocument document(List<Selector> select, List<Selector> remove) {
        return new SourceDocument(null, LOCATION, select, remove, List.of(), null);
    }

    private String extract(String html, List<Selector> select, List<Selector> remove) throws ExtractionException {
        return extractor.extract(document(select, remove), null, html.getBytes(StandardCharsets.UTF_8), "text/html", LOCATION);
    }

    private static Selector css(String css) {
        return new Selector.Css(css);
    }

    @Test
    void relativeLinksBecomeAbsoluteButFragmentLinksAndImagesStayAsWritten() throws Exception {
        String html = "<main><p><a href=\"/privacy\">Privacy</a> <a href=\"#s1\">Section</a> <img src=\"logo.png\" alt=\"\"></p></main>";

        assertEquals("[Privacy](https://example.com/privacy) [Section](#s1) ![](logo.png)", extract(html, List.of(css("main")), List.of()));
    }

    @Test
    void aBaseElementChangesWhatRelativeLinksResolveAgainst() throws Exception {
        String html = "<head><base href=\"https://other.example/docs/\"></head><main><a href=\"terms\">Terms</a></main>";

        assertEquals("[Terms](https://other.example/docs/terms)", extract(html, List.of(css("main")), List.of()));
    }

    @Test
    void scriptsAndStylesAreDropped() throws Exception {
        String html = "<main><script>var x = 1;</script><style>p {}</style><p>Text</p></main>";

        assertEquals("Text", extract(html, List.of(css("main")), List.of()));
    }

    @Test
    void emailProtectionLinksBecomeAStablePlaceholder() throws Exception {
        String html = "<main><a href=\"/cdn-cgi/l/email-protection#a1b2c3\">[email&#160;protected]</a></main>";

        assertEquals("[\\[email\u00A0protected\\]](https://example.com/cdn-cgi/l/email-protection)", extract(html, List.of(css("main")), List.of()));
    }

    @Test
    void removeAppliesBeforeSelectAndSeveralSelectorsConcatenateInOrder() throws Exception {
        String html = "<h1>Title</h1><div class=\"banner\">Cookies</div><footer>Footer</footer><main><p>Body</p><p class=\"ad\">Ad</p></main>";

        assertEquals("Body\n\nFooter", extract(html, List.of(css("main"), css("footer")), List.of(css(".ad"), css(".banner"))));
    }

    @Test
    void aRangeSelectionKeepsWhatLiesBetweenItsBoundaries() throws Exception {
        String html = "<div><h2 id=\"start\">Terms</h2><p>Kept one</p><section><p>Kept two</p><h2 id=\"end\">Annex</h2><p>Dropped</p></section></div>";
        Selector range = new Selector.Range("#start", null, "#end", null);

        assertEquals("Terms\n-----\n\nKept one\n\nKept two", extract(html, List.of(range), List.of()));
    }

    @Test
    void aRangeCanBeRemoved() throws Exception {
        String html = "<main><p>Keep</p><p id=\"a\">Drop from here</p><p>Drop</p><p id=\"b\">Keep again</p></main>";
        Selector range = new Selector.Range("#a", null, "#b", null);

        assertEquals("Keep\n\nKeep again", extract(html, List.of(css("main")), List.of(range)));
    }

    @Test
    void anEmptySelectionNamesTheSelectorAndTheLocation() {
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> extract("<main>Text</main>", List.of(css("#missing")), List.of()));

        assertTrue(e.getMessage().contains("\"#missing\"") && e.getMessage().contains(LOCATION.toString()), e.getMessage());
    }

    @Test
    void aSelectionWithOnlyBlankContentIsAnError() {
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> extract("<main><div> </div></main>", List.of(css("main")), List.of()));

        assertTrue(e.getMessage().contains("\"main\"") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aRangeWhoseBoundaryIsMissingNamesIt() {
        Selector range = new Selector.Range("#start", null, null, "#nowhere");

        ExtractionException e = assertThrows(ExtractionException.class,
                () -> extract("<p id=\"start\">x</p>", List.of(range), List.of()));

        assertTrue(e.getMessage().contains("#nowhere") && e.getMessage().contains(LOCATION.toString()), e.getMessage());
    }

    @Test
    void declaredFiltersNeedAFilterRunner() {
        SourceDocument withFilter = new SourceDocument(null, LOCATION, List.of(css("main")), List.of(),
                List.of(new FilterRef("cleanUp", null)), null);

        ExtractionException e = assertThrows(ExtractionException.class,
                () -> extractor.extract(withFilter, "export function cleanUp() {}", "<main>x</main>".getBytes(StandardCharsets.UTF_8), "text/html", LOCATION));

        assertTrue(e.getMessage().contains("cleanUp"), e.getMessage());
    }

    @Test
    void aFilterRunnerEditsTheHtmlBeforeEverythingElse() throws Exception {
        FilterRunner replaceWord = (html, location, filters, source) -> html.replace("before", "after");
        SourceDocument withFilter = new SourceDocument(null, LOCATION, List.of(css("main")), List.of(),
                List.of(new FilterRef("replaceWord", null)), null);

        String version = new Extractor(replaceWord).extract(withFilter, "", "<main>before</main>".getBytes(StandardCharsets.UTF_8), "text/html", LOCATION);

        assertEquals("after", version);
    }

    @Test
    void aTrackingPixelInAHeadNoscriptLandsInTheBodyAsWithoutScripting() throws Exception {
        String html = "<html><head><noscript><img src=\"https://px.example/p.gif\"></noscript></head><body><p>Text</p></body></html>";

        assertEquals("![](https://px.example/p.gif)\n\nText", extract(html, List.of(css("body")), List.of()));
    }

    @Test
    void htmlIsReadInTheCharsetItsMimeTypeNamesAndUtf8Otherwise() throws Exception {
        SourceDocument main = document(List.of(css("main")), List.of());
        byte[] latin1 = "<main>Données</main>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "<main>Données</main>".getBytes(StandardCharsets.UTF_8);

        assertEquals("Données", extractor.extract(main, null, latin1, "text/html; charset=ISO-8859-1", LOCATION));
        assertEquals("Données", extractor.extract(main, null, utf8, "text/html", LOCATION));
    }

    @Test
    void templateContentIsNotPartOfThePage() throws Exception {
        String html = "<main><p>a</p><template><p class=\"x\">template text</p></template></main>";

        assertEquals("a", extract(html, List.of(css("main")), List.of()));
        assertThrows(ExtractionException.class, () -> extract(html, List.of(css(".x")), List.of()));
    }

    @Test
    void cdataInHtmlIsACommentAsBrowsersParseIt() throws Exception {
        assertEquals("ab", extract("<main><p>a<![CDATA[hidden]]>b</p></main>", List.of(css("main")), List.of()));
    }

    @Test
    void wordAndLanguagePrefixAttributeSelectorsHaveTheirCssMeaning() throws Exception {
        String html = "<p class=\"foo bar\">word</p><p class=\"foobar\">not a word</p><p lang=\"en-US\">prefix</p><p lang=\"english\">no</p>";

        assertEquals("word\n\nprefix", extract(html, List.of(css("[class~=foo], [lang|=\"en\"]")), List.of()));
    }

    @Test
    void combinedVersionsAreJoinedByARule() {
        assertEquals("one\n\n- - -\n\ntwo", Extractor.combine(List.of("one", "two")));
    }
}
