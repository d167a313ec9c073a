package org.clausecam.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * terms with a searchable list of changes, a timeline per terms, a page per record (hashes and
 * evidence), per change (where the screenshots changed, cropped, then the word-level text
 * difference, then both screenshots as tiles) and per e-mail evidence record. The pages work from
 * {@code file://}: relative links only, one local stylesheet, nothing fetched from the network;
 * one small script adds search and filters to the index, which works without it.
 *
 * <p>It reads the store only through {@link Store}, and may be run again over the same folder:
 * pictures are named by what they show and made once, pages whose inputs did not change are not
 * rendered again ({@link ReportManifest}), and no file is rewritten with the bytes it holds.
 */
public final class ReportWriter {

    /** Records per timeline page. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    static final String SEARCH_SCRIPT = "assets/search.js";
    static final String SEARCH_INDEX = "search-index.js";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Comparator<TermsKey> ORDER = Comparator
            .comparing((TermsKey t) -> t.service().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(TermsKey::service)
            .thenComparing(t -> t.termsType().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(TermsKey::termsType);

    private final Store store;
    private final Path out;
    private final int pageSize;
    private final String generator;
    private final boolean pngEvidence;

    /**
     * @param generator   who made the report, shown in each page's footer (e.g. "Clausecam 0.1.0")
     * @param pngEvidence copy the full-size PNG screenshots into the report, linked from each record
     */
    public ReportWriter(Store store, Path out, int pageSize, String generator, boolean pngEvidence) {
        if (pageSize < 1) throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        this.store = store;
        this.out = out;
        this.pageSize = pageSize;
        this.generator = generator;
        this.pngEvidence = pngEvidence;
    }

    public ReportWriter(Store store, Path out, int pageSize, String generator) {
        this(store, out, pageSize, generator, false);
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
        files.writeText(Page.STYLESHEET, resource("report.css"));
        files.writeText(SEARCH_SCRIPT, resource("search.js"));
        for (String folder : List.of(EvidenceFiles.FOLDER, VisualDiffFiles.FOLDER, PreviewFiles.TILES, PreviewFiles.CROPS)) {
            files.removeLeftovers(folder);
        }
        FormerLayout.remove(files);
        ReportManifest manifest = ReportManifest.read(files);
        EvidenceFiles evidence = new EvidenceFiles(store, files, pngEvidence, problems);
        PreviewFiles previews = new PreviewFiles(files);
        VisualDiffFiles visualDiffs = new VisualDiffFiles(files, problems);
        ChangePictures pictures = new ChangePictures(evidence, previews, visualDiffs);
        String footer = "Made by " + Html.escape(generator) + " from " + Html.escape(store.describe()) + ".";
        TermsReport termsReport = new TermsReport(store, files, manifest,
                new ChangePage(store, pictures, problems), new EmailPage(store, pictures, problems),
                new RecordPage(evidence, pictures, problems), footer, footer + "\u0000png-evidence=" + pngEvidence, pageSize, problems);

        List<TermsKey> terms = new ArrayList<>(store.terms());
        terms.sort(ORDER);
        List<TermsSummary> summaries = new ArrayList<>();
        List<IndexEntry> entries = new ArrayList<>();
        int records = 0;
        int changes = 0;
        int emails = 0;
        for (TermsKey key : terms) {
            TermsReport.Written written = termsReport.write(key);
            TermsSummary summary = written.summary();
            summaries.add(summary);
            entries.addAll(written.entries());
            records += summary.records();
            changes += summary.changes();
            emails += summary.emails();
        }
        entries.sort(Comparator.comparing(IndexEntry::date, Comparator.nullsLast(Comparator.reverseOrder())));
        files.writeText(SEARCH_INDEX, searchIndex(entries));
        files.writeText("index.html", Page.render("", "Terms tracked", List.of(),
                IndexPage.main(summaries, store.describe(), entries), footer));
        manifest.write();
        return new ReportSummary(files.resolve("index.html"), summaries.size(), records, changes, emails,
                evidence.copied(), previews.written(), visualDiffs.computed(), visualDiffs.reused(), manifest.skipped(),
                files.written(), problems);
    }

    /** The search index as a script (a JSON file could not be read by a page opened from {@code file://}). */
    private static String searchIndex(List<IndexEntry> entries) throws IOException {
        ArrayNode array = JSON.createArrayNode();
        for (IndexEntry e : entries) {
            array.addObject().put("kind", e.kind()).put("service", e.service()).put("type", e.termsType())
                    .put("date", e.date() == null ? "" : e.date().toString()).put("href", e.href())
                    .put("title", e.title()).put("words", e.words());
        }
        return "window.CLAUSECAM_INDEX = " + JSON.writeValueAsString(array) + ";\n";
    }

    private static String resource(String name) {
        try (InputStream in = ReportWriter.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the Clausecam jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the Clausecam jar", e);
        }
    }
}
