package org.clausecam.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.clausecam.capture.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PDF versions come out byte for byte as Open Terms Archive recorded them for real reports. */
class PdfParityTest {
    private static final Path CASES = Path.of("src/test/resources/parity-pdf");
    private static Chromium chromium;
    private static Extractor extractor;

    @BeforeAll
    static void startChromium() {
        chromium = new Chromium(System.getenv(), 1);
        extractor = new Extractor(null, new SharedBrowserPdfTextReader(chromium));
    }

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    static List<PdfParityCase> cases() throws Exception {
        return PdfParityCase.under(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsTheVersionOpenTermsArchiveRecorded(PdfParityCase parityCase) throws Exception {
        assertEquals(parityCase.expected(), parityCase.extract(extractor));
    }
}
