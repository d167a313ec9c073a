package org.clausecam.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BodyTextTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void theDeclaredCharsetIsUsed() {
        assertEquals("Grüße", BodyText.decode("Grüße".getBytes(StandardCharsets.UTF_8), "UTF-8"));
        assertEquals("Привет", BodyText.decode("Привет".getBytes(Charset.forName("KOI8-R")), "koi8-r"));
    }

    @Test
    void latin1LabelsAreReadAsWindows1252AsBrowsersDo() {
        byte[] curlyQuotesAndEuro = "“€5”".getBytes(WINDOWS_1252);

        assertEquals("“€5”", BodyText.decode(curlyQuotesAndEuro, "iso-8859-1"));
        assertEquals("“€5”", BodyText.decode(curlyQuotesAndEuro, "US-ASCII"));
    }

    @Test
    void withoutAUsableCharsetValidUtf8IsUtf8AndTheRestWindows1252() {
        assertEquals("déjà", BodyText.decode("déjà".getBytes(StandardCharsets.UTF_8), null));
        assertEquals("déjà", BodyText.decode("déjà".getBytes(WINDOWS_1252), ""));
        assertEquals("déjà", BodyText.decode("déjà".getBytes(StandardCharsets.UTF_8), "x-unknown-charset"));
    }

    @Test
    void htmlWithoutAMimeCharsetUsesItsMetaCharset() {
        byte[] html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>“déjà”</body></html>"
                .getBytes(WINDOWS_1252);

        assertEquals(true, BodyText.decodeHtml(html, null).contains("“déjà”"));
        assertEquals(true, BodyText.decodeHtml("<meta charset=utf-8>é".getBytes(StandardCharsets.UTF_8), "").endsWith(">é"));
    }

    @Test
    void aByteOrderMarkIsDropped() {
        assertEquals("Terms", BodyText.decode("\uFEFFTerms".getBytes(StandardCharsets.UTF_8), "utf-8"));
    }

    @Test
    void flowedTextJoinsSoftBreaksAndUnstuffsLines() {
        String flowed = "This paragraph was \r\nwrapped by the sender.\r\n From the start of a line\r\n-- \r\nSignature";

        assertEquals("This paragraph was wrapped by the sender.\nFrom the start of a line\n-- \nSignature",
                BodyText.unflow(flowed, false));
        assertEquals("Wrappedword", BodyText.unflow("Wrapped \r\nword", true));
    }
}
