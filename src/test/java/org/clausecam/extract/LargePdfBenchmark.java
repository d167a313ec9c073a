package org.clausecam.extract;

import java.net.URI;
import org.clausecam.capture.Chromium;

/**
 * PDF reading speed on a report-sized PDF ({@link LargePdf}: 350 pages, about 35 MB), after one
 * warm-up on a small one. Run by {@code scripts/bench/pdf --large}, which samples memory.
 */
public final class LargePdfBenchmark {
    private LargePdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : LargePdf.PAGES;
        URI location = URI.create("https://example.com/large.pdf");
        byte[] pdf = LargePdf.build(pages);
        try (Chromium chromium = new Chromium(System.getenv(), 1)) {
            Extractor extractor = new Extractor(null, new SharedBrowserPdfTextReader(chromium));
            extractor.extract(null, null, LargePdf.build(2), "application/pdf", location);
            long started = System.nanoTime();
            String version = extractor.extract(null, null, pdf, "application/pdf", location);
            long took = System.nanoTime() - started;
            boolean whole = version.endsWith(LargePdf.lastWords(pages));
            System.out.printf("%d pages, %.1f MB in %d ms: %.2f MB/s, %.1f pages/s; last page %s%n", pages, pdf.length / 1e6,
                    took / 1_000_000, pdf.length / 1e6 / (took / 1e9), pages / (took / 1e9), whole ? "read" : "MISSING");
            System.exit(whole ? 0 : 1);
        }
    }
}
