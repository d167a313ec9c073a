package org.clausecam.extract;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clausecam.capture.Chromium;

/**
 * Runs every parity case under a folder and prints, per case, {@code identical} or the first
 * differing line (expected vs actual), then {@code N passed, M failed} on the last line.
 * A developer tool kept with the tests (run by scripts/parity), not part of the agent.
 */
public final class ParityCheck {
    private ParityCheck() {
    }

    /** Usage: {@code ParityCheck DIR}; scripts/parity gives the shared corpus by default. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ParityCheck DIR (a folder of parity cases)");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        PrintStream out = System.out;
        if (!Files.isDirectory(root)) {
            System.err.println("ParityCheck: no folder of parity cases at " + root);
            System.exit(2);
        }
        if (caseDirs(root).isEmpty()) {
            System.err.println("ParityCheck: no parity cases (folders with a case.json) in " + root);
            System.exit(2);
        }
        // Filters and PDFs run in one Chromium, started only if a case declares filters or is a PDF.
        int failed;
        try (Chromium chromium = new Chromium(System.getenv(), Chromium.DEFAULT_PAGES_IN_FLIGHT)) {
            failed = run(root, new SharedBrowserFilterRunner(chromium), new SharedBrowserPdfTextReader(chromium), out);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Prints each case's verdict and the tally; returns how many cases failed. */
    private static int run(Path root, SharedBrowserFilterRunner filters, PdfTextReader pdfText, PrintStream out) throws IOException {
        Extractor extractor = new Extractor(filters, pdfText);
        int passed = 0;
        int failed = 0;
        for (Path dir : caseDirs(root)) {
            String name = dir.getFileName().toString();
            String verdict;
            try {
                ParityCase parityCase = ParityCase.read(dir);
                String actual = parityCase.extract(extractor);
                verdict = firstDifference(parityCase.expected(), actual);
            } catch (ExtractionException | IOException | RuntimeException e) {
                verdict = "error: " + e.getMessage();
            }
            if (verdict == null) {
                passed++;
                out.println(name + ": identical");
            } else {
                failed++;
                out.println(name + ": " + verdict);
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed;
    }

    static List<Path> caseDirs(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.json"))).sorted().toList();
        }
    }

    /** Null when identical; else the first differing line, expected vs actual. */
    static String firstDifference(String expected, String actual) {
        if (expected.equals(actual)) return null;
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) i++;
        String exp = i < e.length ? quote(e[i]) : "<end of text>";
        String act = i < a.length ? quote(a[i]) : "<end of text>";
        return "differs at line " + (i + 1) + "\n    expected: " + exp + "\n    actual:   " + act;
    }

    private static String quote(String line) {
        String s = line.length() > 200 ? line.substring(0, 200) + "…" : line;
        return "\"" + s.replace("\t", "\\t").replace("\r", "\\r").replace("\u00A0", "\\u00a0") + "\"";
    }
}
