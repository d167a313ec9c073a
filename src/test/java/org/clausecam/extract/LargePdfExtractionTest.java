package org.clausecam.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.clausecam.capture.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Systemic-risk reports run to tens of MB and hundreds of pages: such a PDF is read whole through
 * the real Chromium path (its bytes in pieces, its paragraphs a batch of pages at a time), and a
 * PDF over the reader's limit is refused with the location and the limit.
 */
class LargePdfExtractionTest {
    private static final URI LOCATION = URI.create("https://example.com/reports/systemic-risk-2024.pdf");
    private static Chromium chromium;

    @BeforeAll
    static void startChromium() {
        chromium = new Chromium(System.getenv(), 1);
    }

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    @Test
    void aReportOfTensOfMegabytesAndHundredsOfPagesIsReadToItsLastPage() throws Exception {
        byte[] pdf = LargePdf.build(LargePdf.PAGES);
        assertTrue(pdf.length > 30_000_000, "the fixture is " + pdf.length + " bytes");

        String version = new Extractor(null, new SharedBrowserPdfTextReader(chromium)).extract(null, null, pdf, "application/pdf", LOCATION);

        assertTrue(version.startsWith(LargePdf.firstWords(1)), version.substring(0, Math.min(200, version.length())));
        assertTrue(version.endsWith(LargePdf.lastWords(LargePdf.PAGES)), version.substring(Math.max(0, version.length() - 200)));
        for (int page = 1; page <= LargePdf.PAGES; page++) {
            assertTrue(version.contains(LargePdf.firstWords(page)), "page " + page + " is missing");
        }
    }

    @Test
    void aPdfOverTheLimitIsRefusedNamingTheLocationAndTheLimit() throws Exception {
        byte[] pdf = LargePdf.build(3);
        SharedBrowserPdfTextReader reader = new SharedBrowserPdfTextReader(chromium, pdf.length - 1);

        ExtractionException e = assertThrows(ExtractionException.class, () -> reader.paragraphs(pdf, LOCATION));

        assertEquals("The PDF file at " + LOCATION + " is " + pdf.length + " bytes, over the limit of " + (pdf.length - 1)
                + " bytes for reading a PDF", e.getMessage());
    }
}
