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
 */
public final class ParityCheck {
    private ParityCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus/ota-genai-eu-dev");
        PrintStream out = System.out;
        if (!Files.isDirectory(root)) {
            out.println("No parity corpus at " + root + ": nothing to check.");
            out.println("0 passed, 0 failed");
            return;
        }
        // Filters run in one Chromium, started only if a case declares filters.
        try (Chromium chromium = new Chromium(System.getenv(), Chromium.DEFAULT_PAGES_IN_FLIGHT)) {
            run(root, new SharedBrowserFilterRunner(chromium), out);
        }
    }

    private static void run(Path root, SharedBrowserFilterRunner filters, PrintStream out) throws IOException {
        Extractor extractor = new Extractor(filters);
        Extractor node22Extractor = new Extractor(filters.withNode22UrlSearchParams());
        int passed = 0;
        int failed = 0;
        for (Path dir : caseDirs(root)) {
            String name = dir.getFileName().toString();
            String verdict;
            try {
                ParityCase parityCase = ParityCase.read(dir);
                String actual = parityCase.extract(parityCase.recordedOnNode22() ? node22Extractor : extractor);
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
