package org.clausecam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clausecam.agent.Agent;
import org.clausecam.agent.AgentSettings;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.clausecam.extract.Extractor;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.fetch.FetcherKind;
import org.clausecam.fetch.FixtureServer;
import org.clausecam.fetch.HttpFetchOptions;
import org.clausecam.fetch.HttpFetcher;
import org.clausecam.track.CapturedTerms;
import org.clausecam.track.TermsJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One page, one text, whatever the fetcher: the plain-HTTP path decodes a document as Chromium
 * does. Against a real Chromium and a real HTTP server on 127.0.0.1.
 */
class EncodingAgreementTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static FixtureServer server;
    private static Agent agent;

    /** Path → [content type, body]: every decoding rule HtmlEncoding follows, as served to both fetchers. */
    private static final Map<String, Object[]> CASES = new LinkedHashMap<>();

    private static void page(String path, String contentType, byte[] body) {
        CASES.put(path, new Object[] {contentType, body});
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @BeforeAll
    static void start() {
        String text = "<main><p>Copyright © 2026 — Données “personnelles” € ™ naïve</p></main>";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = text.getBytes(WINDOWS_1252);
        page("/utf8-undeclared", "text/html", ("<html><body>" + text + "</body></html>").getBytes(StandardCharsets.UTF_8));
        page("/windows-1252", "text/html; charset=windows-1252", concat(latin1("<html><body>"), cp1252, latin1("</body></html>")));
        page("/header-and-meta-disagree", "text/html; charset=iso-8859-1",
                concat(latin1("<html><head><meta charset=\"utf-8\"></head><body>"), utf8, latin1("</body></html>")));
        page("/meta-utf8", "text/html", concat(latin1("<html><head><meta charset=\"utf-8\"></head><body>"), utf8, latin1("</body></html>")));
        page("/meta-windows-1252-c1", "text/html", latin1("<html><head><meta charset=\"windows-1252\"></head><body><main><p>[\u0081][\u008d]"
                + "[\u008f][\u0090][\u009d] \u0080 \u0093q\u0094</p></main></body></html>"));
        page("/pragma-latin1", "text/html", concat(latin1("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                + "charset=ISO-8859-1\"></head><body>"), cp1252, latin1("</body></html>")));
        page("/late-meta-in-head", "text/html", concat(latin1("<html><head><title>" + "x".repeat(2000) + "</title><meta charset=\"utf-8\">"
                + "</head><body>"), utf8, latin1("</body></html>")));
        page("/late-meta-in-body", "text/html", concat(latin1("<html><head></head><body><div>" + "x".repeat(2000) + "</div>"
                + "<meta charset=\"utf-8\">"), utf8, latin1("</body></html>")));
        page("/meta-in-script", "text/html", concat(latin1("<html><head><script>var s = \"<meta charset=utf-8>\";</script></head><body>"),
                utf8, latin1("</body></html>")));
        page("/bom-over-header", "text/html; charset=windows-1252", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                latin1("<html><body>"), utf8, latin1("</body></html>")));
        page("/meta-utf16", "text/html", concat(latin1("<html><head><meta charset=\"utf-16\"></head><body>"), utf8, latin1("</body></html>")));
        page("/xml-declaration", "text/html", concat(latin1("<?xml version=\"1.0\" encoding=\"utf-8\"?><html><head></head><body>"), utf8,
                latin1("</body></html>")));
        page("/header-quoted", "text/html; charset=\"utf-8\"", concat(latin1("<html><body>"), utf8, latin1("</body></html>")));
        page("/header-unknown-label", "text/html; charset=foo", concat(latin1("<html><head><meta charset=\"utf-8\"></head><body>"), utf8,
                latin1("</body></html>")));
        page("/windows-1251", "text/html; charset=cp1251", concat(latin1("<html><body><main><p>"),
                "Политика конфиденциальности".getBytes(Charset.forName("windows-1251")), latin1("</p></main></body></html>")));
        server = new FixtureServer();
        CASES.forEach((path, c) -> server.serve(path, 200, (String) c[0], (byte[]) c[1]));
        AgentSettings defaults = AgentSettings.defaults();
        agent = Agent.start(new AgentSettings(2, defaults.http().toBuilder().allowPrivateNetwork(true).build(),
                defaults.policy().toBuilder().politeness(4, Duration.ZERO).build(),
                defaults.render().toBuilder().screenshot(false).build()));
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
        server.close();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** The version of a page through the browser (executeClientScripts: true) or plain HTTP (false). */
    private static CapturedTerms capture(String path, boolean browser) throws Exception {
        SourceDocument document = new SourceDocument(null, server.url(path), List.of(), List.of(), List.of(), browser);
        return agent.termsCapturer().capture(new TermsJob(new Terms("Example", "Privacy Policy", List.of(document), false)));
    }

    private static void assertSameVersion(String path, String expected) throws Exception {
        CapturedTerms http = capture(path, false);
        CapturedTerms browser = capture(path, true);

        assertEquals(FetcherKind.HTTP, http.sources().get(0).document().fetcher());
        assertEquals(FetcherKind.BROWSER, browser.sources().get(0).document().fetcher());
        assertEquals(browser.version(), http.version(), path);
        assertEquals(expected, http.version(), path);
    }

    @Test
    void anUndeclaredUtf8PageReadsAsChromiumShowsItThroughBothFetchers() throws Exception {
        // Chromium does not guess UTF-8 for a web page: it shows what a person sees, windows-1252.
        assertSameVersion("/utf8-undeclared", "Copyright Â© 2026 â€” DonnÃ©es â€œpersonnellesâ€\u009d â‚¬ â„¢ naÃ¯ve");
    }

    @Test
    void aWindows1252PageReadsTheSameThroughBothFetchers() throws Exception {
        assertSameVersion("/windows-1252", "Copyright © 2026 — Données “personnelles” € ™ naïve");
    }

    @Test
    void aPageWhoseHeaderAndMetaDisagreeReadsAsItsHeaderSaysThroughBothFetchers() throws Exception {
        assertSameVersion("/header-and-meta-disagree", "Copyright Â© 2026 â€” DonnÃ©es â€œpersonnellesâ€\u009d â‚¬ â„¢ naÃ¯ve");
    }

    @Test
    void everyDecodingRuleGivesChromiumsTextOverPlainHttp() throws Exception {
        HttpFetcher http = new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).build());
        PageCapturer browser = PageCapturer.unguarded(agent.chromium());
        Extractor extractor = new Extractor();
        List<String> disagreements = new ArrayList<>();
        for (String path : CASES.keySet()) {
            SourceDocument document = new SourceDocument(null, server.url(path), List.of(), List.of(), List.of(), null);
            FetchedDocument fetched = http.fetch(server.url(path));
            RenderedPage rendered = browser.render(server.url(path), RenderOptions.builder().screenshot(false).maxSettle(Duration.ZERO).build());
            String overHttp = extractor.extract(document, null, fetched);
            String inChromium = extractor.extract(document, null, rendered.document());
            if (!overHttp.equals(inChromium)) {
                disagreements.add(path + ": plain HTTP read \"" + overHttp + "\", Chromium \"" + inChromium + "\"");
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(CASES.size() >= 15);
    }
}
