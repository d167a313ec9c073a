package org.clausecam.extract;

import java.nio.file.Path;
import java.util.List;
import org.clausecam.capture.Chromium;

/**
 * PDF parity and speed over a corpus folder: each case whose snapshot is a PDF is extracted
 * straight from its snapshot (no declaration is read: a PDF's version ignores selectors), compared
 * byte for byte with its expected version, and timed, after one warm-up extraction. Prints one
 * line per case and the totals. Run by {@code scripts/bench/pdf}.
 */
public final class PdfBenchmark {
    private PdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PdfBenchmark CORPUS_DIR");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        List<PdfParityCase> cases = PdfParityCase.under(root);
        if (cases.isEmpty()) {
            System.err.println("PdfBenchmark: no PDF cases in " + root);
            System.exit(2);
        }
        int identical = 0;
        long bytes = 0;
        long nanos = 0;
        try (Chromium chromium = new Chromium(System.getenv(), 1)) {
            Extractor extractor = new Extractor(null, new SharedBrowserPdfTextReader(chromium));
            cases.get(0).extract(extractor);
            for (PdfParityCase parityCase : cases) {
                byte[] pdf = parityCase.pdf();
                long started = System.nanoTime();
                String actual = extractor.extract(null, null, pdf, "application/pdf", parityCase.location());
                long took = System.nanoTime() - started;
                String verdict = ParityCheck.firstDifference(parityCase.expected(), actual);
                if (verdict == null) identical++;
                bytes += pdf.length;
                nanos += took;
                System.out.printf("%s: %s (%.1f MB in %d ms, %.2f MB/s)%n", parityCase, verdict == null ? "identical" : verdict,
                        pdf.length / 1e6, took / 1_000_000, pdf.length / 1e6 / (took / 1e9));
            }
        }
        System.out.printf("%d of %d identical; %.1f MB in %.1f s: %.2f MB/s%n", identical, cases.size(), bytes / 1e6, nanos / 1e9,
                bytes / 1e6 / (nanos / 1e9));
        System.exit(identical == cases.size() ? 0 : 1);
    }
}
