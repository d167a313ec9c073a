package org.clausecam.report;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pages of one terms: its timeline, newest first, in pages of {@code pageSize} records read
 * one page at a time from the store; a page per record, per change and per e-mail evidence record.
 *
 * <p>A change is shown against the nearest older <em>page capture</em>: e-mail evidence records
 * sit in the same history, but their text is the e-mail's, not the terms'. Record, change and
 * e-mail pages whose inputs did not change since the last run ({@link ReportManifest}) are left
 * as they are, without reading their blobs.
 */
final class TermsReport {

    static final String TO_ROOT = "../../../";

    /** What the index learns of a terms. */
    record Written(TermsSummary summary, List<IndexEntry> entries) {
    }

    /** A change waiting for its neighbours, known once the whole history was read. */
    private record PendingChange(StoredRecord change, StoredRecord earlier, List<StoredRecord> emails) {
    }

    /** A record page, written after the change pages: they make the screenshots' tiles in the same pass as their crops. */
    private record PendingRecord(StoredRecord stored, String page) {
    }

    private final Store store;
    private final SiteFiles files;
    private final ReportManifest manifest;
    private final ChangePage changePage;
    private final EmailPage emailPage;
    private final RecordPage recordPage;
    private final String footer;
    private final String settings;
    private final int pageSize;
    private final List<String> problems;

    /** @param settings what else the pages depend on (footer, options), for the manifest */
    TermsReport(Store store, SiteFiles files, ReportManifest manifest, ChangePage changePage, EmailPage emailPage,
                RecordPage recordPage, String footer, String settings, int pageSize, List<String> problems) {
        this.store = store;
        this.files = files;
        this.manifest = manifest;
        this.changePage = changePage;
        this.emailPage = emailPage;
        this.recordPage = recordPage;
        this.footer = footer;
        this.settings = settings;
        this.pageSize = pageSize;
        this.problems = problems;
    }

    static boolean isChange(CaptureRecord r) {
        return isCapture(r) && r.changed() && !r.first();
    }

    static boolean isCapture(CaptureRecord r) {
        return !CaptureRecord.KIND_EMAIL.equals(r.kind());
    }

    Written write(TermsKey terms) throws StoreException, IOException {
        String folder = SiteNames.termsFolder(terms.service(), terms.termsType());
        String name = terms.service() + " · " + terms.termsType();
        int records = 0;
        int emails = 0;
        Instant first = null;
        Instant lastCapture = null;
        List<PendingChange> changes = new ArrayList<>();
        List<PendingRecord> recordPages = new ArrayList<>();
        List<IndexEntry> entries = new ArrayList<>();
        StoredRecord awaitingEarlier = null;
        List<StoredRecord> emailsSinceEarlier = new ArrayList<>();
        Set<String> seen = new HashSet<>();

        String after = null;
        int pageNumber = 1;
        boolean more;
        do {
            List<StoredRecord> fetched = store.history(terms, after, pageSize + 1);
            more = fetched.size() > pageSize;
            List<StoredRecord> page = fetched.subList(0, Math.min(pageSize, fetched.size()));
            List<TimelinePage.Row> rows = new ArrayList<>();
            for (StoredRecord stored : page) {
                if (!seen.add(stored.id())) {
                    throw new StoreException(store.describe() + " returned record " + stored.id() + " of " + terms.service()
                            + " / " + terms.termsType() + " twice while paging its history");
                }
                CaptureRecord r = stored.record();
                records++;
                String link = null;
                if (isCapture(r)) {
                    // By date, not by position: the history is in append order, and only page
                    // captures count (an e-mail's date is when it was sent, not when we looked).
                    if (lastCapture == null || r.fetchDate().isAfter(lastCapture)) lastCapture = r.fetchDate();
                    if (first == null || r.fetchDate().isBefore(first)) first = r.fetchDate();
                    if (awaitingEarlier != null) {
                        changes.add(new PendingChange(awaitingEarlier, stored, List.copyOf(emailsSinceEarlier)));
                        awaitingEarlier = null;
                    }
                    emailsSinceEarlier.clear();
                    if (isChange(r)) {
                        awaitingEarlier = stored;
                        link = SiteNames.changePage(stored.id());
                    }
                } else {
                    emails++;
                    link = SiteNames.emailPage(stored.id());
                    String words = writeEmail(terms, folder, stored);
                    entries.add(new IndexEntry("email", terms.service(), terms.termsType(), r.fetchDate(), folder + "/" + link,
                            "E-mail about " + name, words));
                    if (awaitingEarlier != null) emailsSinceEarlier.add(stored);
                }
                recordPages.add(new PendingRecord(stored, link));
                rows.add(new TimelinePage.Row(stored, link));
            }
            String previousPage = pageNumber > 1 ? SiteNames.timelinePage(pageNumber - 1) : null;
            String nextPage = more ? SiteNames.timelinePage(pageNumber + 1) : null;
            String main = TimelinePage.main(terms, rows, pageNumber, previousPage, nextPage);
            List<Page.Crumb> crumbs = pageNumber == 1
                    ? List.of(new Page.Crumb(name, null))
                    : List.of(new Page.Crumb(name, SiteNames.timelinePage(1)), new Page.Crumb("Page " + pageNumber, null));
            files.writeText(folder + "/" + SiteNames.timelinePage(pageNumber), Page.render(TO_ROOT, name, crumbs, main, footer));
            if (more) after = page.get(page.size() - 1).id();
            pageNumber++;
        } while (more);
        if (awaitingEarlier != null) changes.add(new PendingChange(awaitingEarlier, null, List.copyOf(emailsSinceEarlier)));

        Instant lastChange = null;
        String lastChangePage = null;
        // Newest first: the one before in the list is the next change in time.
        for (int i = 0; i < changes.size(); i++) {
            PendingChange c = changes.get(i);
            ChangePage.Neighbours neighbours = new ChangePage.Neighbours(
                    i + 1 < changes.size() ? SiteNames.changePage(changes.get(i + 1).change().id()) : null,
                    i > 0 ? SiteNames.changePage(changes.get(i - 1).change().id()) : null);
            String words = writeChange(terms, folder, c, neighbours);
            Instant date = c.change().record().fetchDate();
            String page = folder + "/" + SiteNames.changePage(c.change().id());
            entries.add(new IndexEntry("change", terms.service(), terms.termsType(), date, page, "Change to " + name, words));
            if (lastChange == null || date.isAfter(lastChange)) {
                lastChange = date;
                lastChangePage = page;
            }
        }
        for (PendingRecord r : recordPages) writeRecord(terms, folder, r.stored(), r.page());
        TermsSummary summary = new TermsSummary(terms, folder, records, changes.size(), emails, first, lastCapture, lastChange, lastChangePage);
        entries.add(0, new IndexEntry("terms", terms.service(), terms.termsType(), lastCapture, folder + "/index.html", name, ""));
        return new Written(summary, entries);
    }

    private static String title(String service, String termsType, String what) {
        return service + " · " + termsType + " · " + what;
    }

    private List<Page.Crumb> crumbs(TermsKey terms, String title) {
        return List.of(new Page.Crumb(terms.service() + " · " + terms.termsType(), SiteNames.timelinePage(1)), new Page.Crumb(title, null));
    }

    /** @return the change's words, for the search index */
    private String writeChange(TermsKey terms, String folder, PendingChange c, ChangePage.Neighbours neighbours) throws IOException {
        String file = folder + "/" + SiteNames.changePage(c.change().id());
        List<String> parts = new ArrayList<>(List.of(settings, c.change().sha256(), c.earlier() == null ? "" : c.earlier().sha256(),
                String.valueOf(neighbours.older()), String.valueOf(neighbours.newer())));
        for (StoredRecord e : c.emails()) parts.add(e.sha256());
        String inputs = ReportManifest.inputs(parts.toArray(String[]::new));
        ReportManifest.Entry unchanged = manifest.unchanged(file, inputs);
        if (unchanged != null) return unchanged.words();
        int problemsBefore = problems.size();
        String title = "Change of " + Page.plainTime(c.change().record().fetchDate());
        ChangePage.Rendered rendered = changePage.render(terms, c.change(), c.earlier(), c.emails(), neighbours);
        files.writeText(file, Page.render(TO_ROOT, title(terms.service(), terms.termsType(), title), crumbs(terms, title),
                rendered.main(), footer));
        remember(file, inputs, rendered.searchWords(), problemsBefore);
        return rendered.searchWords();
    }

    /** @return the e-mail's text, for the search index */
    private String writeEmail(TermsKey terms, String folder, StoredRecord email) throws IOException {
        String file = folder + "/" + SiteNames.emailPage(email.id());
        String inputs = ReportManifest.inputs(settings, email.sha256());
        ReportManifest.Entry unchanged = manifest.unchanged(file, inputs);
        if (unchanged != null) return unchanged.words();
        int problemsBefore = problems.size();
        String title = "E-mail of " + Page.plainTime(email.record().fetchDate());
        String main = emailPage.main(terms, email);
        files.writeText(file, Page.render(TO_ROOT, title(terms.service(), terms.termsType(), title), crumbs(terms, title), main, footer));
        String words = emailWords(email);
        remember(file, inputs, words, problemsBefore);
        return words;
    }

    private String emailWords(StoredRecord email) {
        try {
            String text = new String(store.getBlob(email.record().version()), StandardCharsets.UTF_8);
            return text.length() > WordDiff.MAX_SEARCH_WORDS ? text.substring(0, WordDiff.MAX_SEARCH_WORDS) : text;
        } catch (StoreException unreadable) {
            // The e-mail page already reported it as a problem; the index only lacks its words.
            return "";
        }
    }

    private void writeRecord(TermsKey terms, String folder, StoredRecord stored, String page) throws IOException {
        String file = folder + "/" + SiteNames.recordPage(stored.id());
        String inputs = ReportManifest.inputs(settings, stored.sha256(), String.valueOf(page));
        if (manifest.unchanged(file, inputs) != null) return;
        int problemsBefore = problems.size();
        String title = "Record " + stored.id();
        String main = recordPage.main(terms, stored, page);
        files.writeText(file, Page.render(TO_ROOT, title(terms.service(), terms.termsType(), title), crumbs(terms, title), main, footer));
        remember(file, inputs, "", problemsBefore);
    }

    /** A page that showed a problem is rendered again next time, so that the problem is reported again. */
    private void remember(String file, String inputs, String words, int problemsBefore) {
        if (problems.size() == problemsBefore) manifest.put(file, inputs, words);
    }
}
