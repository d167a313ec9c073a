package org.clausecam.report;

import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.TermsKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a static HTML report of a store into a folder: {@code index.html} listing services and
 * terms, a timeline per terms, a page per change (word-level text difference, screenshots before
 * and after, their visual difference) and per e-mail evidence record. The pages work from
 * {@code file://}: relative links only, one local stylesheet, no script, nothing fetched from
 * the network.
 *
 * <p>It reads the store only through {@link Store}, and may be run again over the same folder:
 * screenshots and visual differences already there are kept, pages are rewritten only when
 * their content changed.
 */
public final class ReportWriter {

    /** Records per timeline page. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final Comparator<TermsKey> ORDER = Comparator
            .comparing((TermsKey t) -> t.service().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(TermsKey::service)
            .thenComparing(t -> t.termsType().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(TermsKey::termsType);

    private final Store store;
    private final Path out;
    private final int pageSize;
    private final String generator;

    /**
     * @param generator who made the report, shown in each page's footer (e.g. "Clausecam 0.1.0")
     */
    public ReportWriter(Store store, Path out, int pageSize, String generator) {
        if (pageSize < 1) throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        this.store = store;
        this.out = out;
        this.pageSize = pageSize;
        this.generator = generator;
    }

    public ReportWriter(Store store, Path out) {
        this(store, out, DEFAULT_PAGE_SIZE, "Clausecam");
    }

    /**
     * Writes or updates the report.
     *
     * @throws StoreException when the store cannot list its terms or records (missing blobs are
     *                        problems in the summary instead: the rest of the report is still useful)
     * @throws IOException    when the output folder cannot be written
     */
    public ReportSummary write() throws StoreException, IOException {
        List<String> problems = new ArrayList<>();
        SiteFiles files = new SiteFiles(out);
        files.writeText(Page.STYLESHEET, stylesheet());
        files.removeLeftovers(ScreenshotFiles.FOLDER);
        files.removeLeftovers(VisualDiffFiles.FOLDER);
        ScreenshotFiles screenshots = new ScreenshotFiles(store, files, problems);
        VisualDiffFiles visualDiffs = new VisualDiffFiles(files, problems);
        String footer = "Made by " + Html.escape(generator) + " from " + Html.escape(store.describe()) + ".";
        TermsReport termsReport = new TermsReport(store, files, screenshots,
                new ChangePage(store, screenshots, visualDiffs, problems), new EmailPage(store, screenshots, problems),
                footer, pageSize);

        List<TermsKey> terms = new ArrayList<>(store.terms());
        terms.sort(ORDER);
        List<TermsSummary> summaries = new ArrayList<>();
        int records = 0;
        int changes = 0;
        int emails = 0;
        for (TermsKey key : terms) {
            TermsSummary summary = termsReport.write(key);
            summaries.add(summary);
            records += summary.records();
            changes += summary.changes();
            emails += summary.emails();
        }
        files.writeText("index.html", Page.render("", "Terms tracked", List.of(),
                IndexPage.main(summaries, store.describe()), footer));
        return new ReportSummary(files.resolve("index.html"), summaries.size(), records, changes, emails,
                screenshots.copied(), screenshots.kept(), visualDiffs.computed(), visualDiffs.reused(), problems);
    }

    private static String stylesheet() {
        try (InputStream in = ReportWriter.class.getResourceAsStream("report.css")) {
            if (in == null) throw new IllegalStateException("report.css is missing from the Clausecam jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report.css from the Clausecam jar", e);
        }
    }
}
