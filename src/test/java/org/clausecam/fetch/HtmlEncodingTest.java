package org.clausecam.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The decoding of HTML bytes, case by case as Chromium 156 decoded the same bytes served from a
 * loopback server ({@code --dump-dom}); {@code EncodingAgreementTest} checks them in Chromium.
 */
@Tag("unit")
class HtmlEncodingTest {

    /** "Données ©" in UTF-8. */
    private static final String UTF8_TEXT = "<p>Donn\u00c3\u00a9es \u00c2\u00a9</p>";

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String sniffed(String html, String contentType) {
        return HtmlEncoding.sniff(latin1(html), contentType).name();
    }

    @Test
    void anUndeclaredUtf8PageIsReadAsWindows1252AsChromiumReadsAWebPage() {
        byte[] page = "<html><body><p>Copyright © 2026 — Données</p></body></html>".getBytes(StandardCharsets.UTF_8);

        assertEquals(new HtmlEncoding.Sniffed("windows-1252", HtmlEncoding.Source.DEFAULT, 0), HtmlEncoding.sniff(page, "text/html"));
        assertEquals("<html><body><p>Copyright Â© 2026 â€” DonnÃ©es</p></body></html>", HtmlEncoding.decode(page, "text/html"));
    }

    @Test
    void windows1252IsTheEncodingStandardsWithTheC1ControlsWhereTheCodePageHasNothing() {
        byte[] page = {'[', (byte) 0x80, (byte) 0x81, (byte) 0x8d, (byte) 0x93, (byte) 0x94, (byte) 0x99, (byte) 0xe9, ']'};

        assertEquals("[\u20ac\u0081\u008d\u201c\u201d\u2122\u00e9]", HtmlEncoding.decode(page, "text/html; charset=windows-1252"));
        assertEquals("[\u20ac\u0081\u008d\u201c\u201d\u2122\u00e9]", HtmlEncoding.decode(page, "text/html; charset=ISO-8859-1"));
        assertEquals("[\u20ac\u0081\u008d\u201c\u201d\u2122\u00e9]", HtmlEncoding.decode(page, "text/html; charset=us-ascii"));
    }

    @Test
    void labelsMapAsTheEncodingStandardMapsThem() {
        assertEquals("windows-1252", HtmlEncoding.encodingForLabel(" Latin1 "));
        assertEquals("windows-1252", HtmlEncoding.encodingForLabel("ascii"));
        assertEquals("windows-1254", HtmlEncoding.encodingForLabel("iso-8859-9"));
        assertEquals("windows-874", HtmlEncoding.encodingForLabel("tis-620"));
        assertEquals("gbk", HtmlEncoding.encodingForLabel("gb2312"));
        assertEquals("shift_jis", HtmlEncoding.encodingForLabel("x-sjis"));
        assertEquals("utf-16le", HtmlEncoding.encodingForLabel("utf-16"));
        assertEquals("replacement", HtmlEncoding.encodingForLabel("iso-2022-kr"));
        assertNull(HtmlEncoding.encodingForLabel("foo-bar"));
    }

    @Test
    void theHeaderWinsOverTheMetaAndAByteOrderMarkOverBoth() {
        String metaUtf8 = "<html><head><meta charset=\"utf-8\"></head><body>" + UTF8_TEXT + "</body></html>";
        String meta1252 = "<html><head><meta charset=\"windows-1252\"></head><body>" + UTF8_TEXT + "</body></html>";

        assertEquals("windows-1252", sniffed(metaUtf8, "text/html; charset=iso-8859-1"));
        assertEquals("utf-8", sniffed(meta1252, "text/html; charset=utf-8"));
        assertEquals(new HtmlEncoding.Sniffed("utf-8", HtmlEncoding.Source.BYTE_ORDER_MARK, 3),
                HtmlEncoding.sniff(latin1("\u00ef\u00bb\u00bf" + meta1252), "text/html; charset=windows-1252"));
        assertEquals("<html>", HtmlEncoding.decode(latin1("\u00ef\u00bb\u00bf<html>"), (String) null));
    }

    @Test
    void theHeaderCharsetIsReadAsChromiumReadsIt() {
        String metaUtf8 = "<html><head><meta charset=\"utf-8\"></head><body>" + UTF8_TEXT + "</body></html>";
        String plain = "<html><head></head><body>" + UTF8_TEXT + "</body></html>";

        assertEquals("utf-8", sniffed(plain, "text/html; charset=\"utf-8\""));
        assertEquals("utf-8", sniffed(plain, "text/html;charset=utf-8;foo=bar"));
        assertEquals("utf-8", sniffed(metaUtf8, "text/html; charset=foo"), "an unknown label is passed over");
        assertEquals("utf-8", sniffed(metaUtf8, "text/html; charset="));
        assertEquals("windows-1252", sniffed(plain, "text/html; charset = utf-8"), "no space around =");
        assertEquals("windows-1252", sniffed(plain, "text/html; charset='utf-8'"));
        assertEquals("windows-1252", sniffed(plain, null));
    }

    @Test
    void theMetaIsFoundAsChromiumsTokenizerFindsIt() {
        String x2000 = "x".repeat(2000);
        assertEquals("utf-8", sniffed("<html><head><title>" + x2000 + "</title><meta charset=\"utf-8\"></head><body>"
                + UTF8_TEXT, null), "beyond 1,024 bytes while still in the head");
        assertEquals("utf-8", sniffed("<html><head><!--" + x2000 + "--><meta charset=\"utf-8\"></head>" + UTF8_TEXT, null));
        assertEquals("utf-8", sniffed("<html><head>" + "<link rel=\"stylesheet\" href=\"/a.css\">".repeat(60)
                + "<meta charset=\"utf-8\"></head>", null));
        assertEquals("windows-1252", sniffed("<html><head>" + "<link rel=\"stylesheet\" href=\"/a.css\">".repeat(30) + "<div></div>"
                + "<link rel=\"x\" href=\"/a.css\">".repeat(30) + "<meta charset=\"utf-8\"></head>", null), "a div ends the head");
        assertEquals("utf-8", sniffed("<html><head></head><body><div>" + "x".repeat(500) + "</div><meta charset=\"utf-8\">", null),
                "anywhere in the first 1,024 bytes");
        assertEquals("windows-1252", sniffed("<html><head></head><body><div>" + x2000 + "</div><meta charset=\"utf-8\">", null));
        assertEquals("utf-8", sniffed("<html><head><noscript><meta charset=\"utf-8\"></noscript></head>", null));
        assertEquals("windows-1252", sniffed("<html><head><script>var s = \"<meta charset=utf-8>\";</script></head>", null));
        assertEquals("windows-1252", sniffed("<html><body><textarea><meta charset=\"utf-8\"></textarea>", null));
        assertEquals("utf-8", sniffed("<html><head><meta name=\"x\" content=\"y\" charset=\"utf-8\" ></head>", null));
        assertEquals("utf-8", sniffed("<meta content=\"text/html; charset=utf-8\" http-equiv=\"Content-Type\">", null));
        assertEquals("windows-1252", sniffed("<meta content=\"text/html; charset=utf-8\">", null), "content without http-equiv");
        assertEquals("utf-8", sniffed("<meta charset=\"foo-bar\"><meta charset=\"utf-8\">", null), "an unknown label is passed over");
        assertEquals("utf-8", sniffed("<meta charset=\"utf-16\">", null), "UTF-16 declared in the page reads as UTF-8");
        assertEquals("windows-1252", sniffed("<meta charset=\"x-user-defined\">", null));
        assertEquals("windows-1252", sniffed("<!-- <meta charset=\"utf-8\"> -->", null));
        assertEquals("utf-8", sniffed("<meta http-equiv='Content-Type' content='text/html; charset=\"UTF-8\"'>", null));
    }

    @Test
    void anXmlDeclarationCountsAfterTheMeta() {
        assertEquals("utf-8", sniffed("<?xml version=\"1.0\" encoding=\"utf-8\"?><html><head></head><body>", null));
        assertEquals("utf-8", sniffed("<?xml version=\"1.0\" encoding=\"windows-1252\"?><html><head><meta charset=\"utf-8\">", null));
    }

    @Test
    void storedSnapshotsAreUtf8UnlessTheirTypeSaysOtherwiseWhateverTheirMeta() {
        byte[] serialized = "<html><head><meta charset=\"windows-1252\"></head><body>Données</body></html>".getBytes(StandardCharsets.UTF_8);

        assertEquals("<html><head><meta charset=\"windows-1252\"></head><body>Données</body></html>",
                HtmlEncoding.decodeDeclared(serialized, "text/html", "utf-8"));
    }

    @Test
    void encodingsJavaDoesNotCarryAreDecodedFromTheStandardsIndexes() {
        assertEquals("\u0104\u0138", HtmlEncoding.decode(new byte[] {(byte) 0xa1, (byte) 0xff}, "text/html; charset=latin6"));
        assertEquals("\u1e02\u00ff", HtmlEncoding.decode(new byte[] {(byte) 0xa1, (byte) 0xff}, "text/html; charset=iso-8859-14"));
        assertEquals("\uf780\uf7ff", HtmlEncoding.decode(new byte[] {(byte) 0x80, (byte) 0xff}, "text/html; charset=x-user-defined"));
        assertEquals("\ufffd", HtmlEncoding.decode(new byte[] {'a', 'b'}, "text/html; charset=iso-2022-kr"));
        assertEquals("Привет", HtmlEncoding.decode("Привет".getBytes(java.nio.charset.Charset.forName("windows-1251")),
                "text/html; charset=cp1251"));
    }

    @Test
    void fetchedDocumentsAreReadByFetcher() {
        byte[] windows1252 = {'D', 'o', 'n', 'n', (byte) 0xe9, 'e', 's'};
        FetchedDocument http = new FetchedDocument(java.net.URI.create("http://example.com/"), java.net.URI.create("http://example.com/"),
                FetcherKind.HTTP, 200, "HTTP/1.1 200 OK", java.util.Map.of("content-type", java.util.List.of("text/html; charset=windows-1252")),
                "text/html", windows1252, java.time.Instant.EPOCH);
        FetchedDocument browser = new FetchedDocument(http.requested(), http.location(), FetcherKind.BROWSER, 200, http.statusLine(),
                http.headers(), "text/html", "Données".getBytes(StandardCharsets.UTF_8), http.fetchedAt());

        assertEquals("Données", HtmlEncoding.text(http));
        assertEquals("Données", HtmlEncoding.text(browser), "the browser's serialization is UTF-8 whatever the header says");
    }

    @Test
    void aLongUndeclaredPageIsScannedOnlyAsFarAsTheRulesSay() {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes(latin1("<html><head><title>T</title></head><body>"));
        for (int i = 0; i < 10_000; i++) {
            page.writeBytes(latin1("<p>Clause " + i + "</p>"));
        }
        page.writeBytes(latin1("<meta charset=\"utf-8\"></body></html>"));

        assertEquals("windows-1252", HtmlEncoding.sniff(page.toByteArray(), null).name());
    }
}
