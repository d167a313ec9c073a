package org.clausecam.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.clausecam.capture.Chromium;
import org.clausecam.declarations.FilterRef;
import org.clausecam.declarations.Selector;
import org.clausecam.declarations.SourceDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Declared filters run as JavaScript in a real Chromium, against the snapshot at its location. */
class BrowserFilterRunnerTest {
    private static final URI LOCATION = URI.create("https://example.com/legal/terms");
    /** One Chromium for the class, as one agent has for a tracking run. */
    private static Chromium chromium;
    private static SharedBrowserFilterRunner runner;

    @BeforeAll
    static void startChromium() {
        chromium = new Chromium(System.getenv(), 1);
        runner = new SharedBrowserFilterRunner(chromium);
    }

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    private static String extract(String html, String filtersSource, FilterRef... filters) throws ExtractionException {
        SourceDocument document = new SourceDocument(null, LOCATION, List.of(new Selector.Css("main")), List.of(), List.of(filters), null);
        return new Extractor(runner).extract(document, filtersSource, html.getBytes(StandardCharsets.UTF_8), "text/html", LOCATION);
    }

    @Test
    void filtersEditTheDocumentAndSeeLinksResolvedAgainstTheLocation() throws Exception {
        String filters = "export function rewrite(document) {\n"
                + "  document.querySelectorAll('a').forEach(a => { a.textContent = a.href; });\n"
                + "}\n";

        assertEquals("[https://example.com/legal/privacy](https://example.com/legal/privacy)",
                extract("<main><a href=\"privacy\">Privacy</a></main>", filters, new FilterRef("rewrite", null)));
    }

    @Test
    void theDocumentUrlIsTheSourceLocation() throws Exception {
        String filters = "export function where(document) {\n"
                + "  document.querySelector('main').textContent = document.URL + ' ' + document.defaultView.location.href;\n"
                + "}\n";

        assertEquals("https://example.com/legal/terms https://example.com/legal/terms",
                extract("<main>x</main>", filters, new FilterRef("where", null)));
    }

    /** The page's URL is the declared one as a browser serialises it, brackets kept, not java.net.URI's %5B form. */
    @Test
    void filtersSeeADeclaredUrlWithBracketsAsABrowserDoes() throws Exception {
        URI fetched = URI.create("https://example.com/docs/%5Bv2%5D/terms?x=[1]");
        SourceDocument document = new SourceDocument(null, fetched, List.of(new Selector.Css("main")), List.of(),
                List.of(new FilterRef("where", null)), null, "https://example.com/docs/[v2]/terms?x=[1]");
        String filters = "export function where(document) {\n"
                + "  document.querySelector('main').textContent = document.URL + ' ' + document.querySelector('a').href;\n"
                + "}\n";

        String version = new Extractor(runner).extract(document, filters,
                "<main><a href=\"privacy\">x</a></main>".getBytes(StandardCharsets.UTF_8), "text/html", fetched);

        // turndown escapes the brackets of text; the URLs themselves hold them as they are
        assertEquals("https://example.com/docs/\\[v2\\]/terms?x=\\[1\\] https://example.com/docs/\\[v2\\]/privacy", version);
    }

    @Test
    void theSnapshotsOwnScriptsDoNotRun() throws Exception {
        String html = "<main><p id=\"p\">original</p><script>document.getElementById('p').textContent = 'changed';</script></main>";

        assertEquals("original", extract(html, "export function nothing() {}", new FilterRef("nothing", null)));
    }

    @Test
    void parametersAreGivenToTheFilter() throws Exception {
        String filters = "export function removeWord(document, word) {\n"
                + "  document.querySelector('main').innerHTML = document.querySelector('main').innerHTML.replace(word, '');\n"
                + "}\n";
        FilterRef filter = new FilterRef("removeWord", new ObjectMapper().readTree("\"secret \""));

        assertEquals("public", extract("<main>secret public</main>", filters, filter));
    }

    @Test
    void filtersGetOpenTermsArchivesContextWithTheDeclaredSelectors() throws Exception {
        String filters = "export function describe(document, context) {\n"
                + "  document.querySelector(context.select[0]).textContent = context.fetch + ' ' + context.select + ' ' + context.filter;\n"
                + "}\n";

        assertEquals("https://example.com/legal/terms main describe",
                extract("<main>x</main>", filters, new FilterRef("describe", null)));
    }

    @Test
    void removeQueryParamsIsBuiltIn() throws Exception {
        FilterRef filter = new FilterRef("removeQueryParams", new ObjectMapper().readTree("[\"utm_source\"]"));

        assertEquals("[Terms](https://example.com/t?keep=1)",
                extract("<main><a href=\"/t?utm_source=x&keep=1\">Terms</a></main>", null, filter));
    }

    @Test
    void aFailingFilterIsReportedByName() {
        String filters = "export function broken() { throw new Error('boom'); }";

        ExtractionException e = assertThrows(ExtractionException.class,
                () -> extract("<main>x</main>", filters, new FilterRef("broken", null)));

        assertTrue(e.getMessage().contains("broken") && e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void anUndeclaredFilterIsReportedByName() {
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> extract("<main>x</main>", "export function other() {}", new FilterRef("missing", null)));

        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void filtersOfEnginesBefore14SeeNode22SearchParamsWhereNullIsEmpty() throws Exception {
        String filters = "export function params(document) {\n"
                + "  document.querySelector('main').textContent = 'q=' + new URLSearchParams(null).toString();\n"
                + "}\n";
        SourceDocument document = new SourceDocument(null, LOCATION, List.of(new Selector.Css("main")), List.of(),
                List.of(new FilterRef("params", null)), null);
        byte[] html = "<main>x</main>".getBytes(StandardCharsets.UTF_8);

        Extractor today = new Extractor(runner);

        assertEquals("q=null=", today.extract(document, filters, html, "text/html", LOCATION));
        assertEquals("q=null=", today.forEngine(RecordingEngine.of("14.0.0")).extract(document, filters, html, "text/html", LOCATION));
        assertEquals("q=", today.forEngine(RecordingEngine.of("11.0.2")).extract(document, filters, html, "text/html", LOCATION));
    }

}
