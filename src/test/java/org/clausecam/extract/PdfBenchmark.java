package org.clausecam.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private PdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/corpus/ota-dsa-dev");
        List<Path> cases = ParityCheck.caseDirs(root).stream().filter(PdfBenchmark::isPdfCase).toList();
        if (cases.isEmpty()) {
            System.err.println("PdfBenchmark: no PDF cases in " + root);
            System.exit(2);
        }
        int identical = 0;
        long bytes = 0;
        long nanos = 0;
        try (Chromium chromium = new Chromium(System.getenv(), 1)) {
            Extractor extractor = new Extractor(null, new SharedBrowserPdfTextReader(chromium));
            extractor.extract(null, null, snapshot(cases.get(0)), "application/pdf", location(cases.get(0)));
            for (Path dir : cases) {
                byte[] pdf = snapshot(dir);
                long started = System.nanoTime();
                String actual = extractor.extract(null, null, pdf, "application/pdf", location(dir));
                long took = System.nanoTime() - started;
                String verdict = ParityCheck.firstDifference(expected(dir), actual);
                if (verdict == null) identical++;
                bytes += pdf.length;
                nanos += took;
                System.out.printf("%s: %s (%.1f MB in %d ms, %.2f MB/s)%n", dir.getFileName(), verdict == null ? "identical" : verdict,
                        pdf.length / 1e6, took / 1_000_000, pdf.length / 1e6 / (took / 1e9));
            }
        }
        System.out.printf("%d of %d identical; %.1f MB in %.1f s: %.2f MB/s%n", identical, cases.size(), bytes / 1e6, nanos / 1e9,
                bytes / 1e6 / (nanos / 1e9));
        System.exit(identical == cases.size() ? 0 : 1);
    }

    private static boolean isPdfCase(Path dir) {
        try {
            return JSON.readTree(dir.resolve("case.json").toFile()).get("sourceDocuments").get(0).get("file").asText().endsWith(".pdf");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + dir.resolve("case.json"), e);
        }
    }

    private static JsonNode caseJson(Path dir) throws java.io.IOException {
        return JSON.readTree(dir.resolve("case.json").toFile());
    }

    private static byte[] snapshot(Path dir) throws java.io.IOException {
        return Files.readAllBytes(dir.resolve(caseJson(dir).get("sourceDocuments").get(0).get("file").asText()));
    }

    private static URI location(Path dir) throws java.io.IOException {
        return URI.create(caseJson(dir).get("sourceDocuments").get(0).get("location").asText());
    }

    private static String expected(Path dir) throws java.io.IOException {
        JsonNode c = caseJson(dir);
        return Files.readString(dir.resolve("expected").resolve(c.get("service").asText()).resolve(c.get("termsType").asText() + ".md"),
                StandardCharsets.UTF_8);
    }
}
