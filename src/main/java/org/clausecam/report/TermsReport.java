package org.clausecam.report;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pages of one terms: its timeline, newest first, in pages of {@code pageSize} records read
 * one page at a time from the store, a page per change and a page per e-mail evidence record.
 *
 * <p>A change is shown against the nearest older <em>page capture</em>: e-mail evidence records
 * sit in the same history, but their text is the e-mail's, not the terms'.
 */
final class TermsReport {

    static final String TO_ROOT = "../../../";

    private final Store store;
    private final SiteFiles files;
    private final ScreenshotFiles screenshots;
    private final ChangePage changePage;
    private final EmailPage emailPage;
    private final String footer;
    private final int pageSize;

    TermsReport(Store store, SiteFiles files, ScreenshotFiles screenshots, ChangePage changePage, EmailPage emailPage,
                String footer, int pageSize) {
        this.store = store;
        this.files = files;
        this.screenshots = screenshots;
        this.changePage = changePage;
        this.emailPage = emailPage;
        this.footer = footer;
        this.pageSize = pageSize;
    }

    static boolean isChange(CaptureRecord r) {
        return isCapture(r) && r.changed() && !r.first();
    }

    static boolean isCapture(CaptureRecord r) {
        return !CaptureRecord.KIND_EMAIL.equals(r.kind());
    }

    TermsSummary write(TermsKey terms) throws StoreException, IOException {
        String folder = SiteNames.termsFolder(terms.service(), terms.termsType());
        int records = 0;
        int changes = 0;
        int emails = 0;
        Instant first = null;
        Instant lastCapture = null;
        Instant lastChange = null;
        String lastChangePage = null;
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
                        writeChange(terms, folder, awaitingEarlier, stored, emailsSinceEarlier);
                        awaitingEarlier = null;
                    }
                    emailsSinceEarlier.clear();
                    if (isChange(r)) {
                        changes++;
                        awaitingEarlier = stored;
                        link = SiteNames.changePage(stored.id());
                        if (lastChange == null || r.fetchDate().isAfter(lastChange)) {
                            lastChange = r.fetchDate();
                            lastChangePage = folder + "/" + link;
                        }
                    }
                } else {
                    emails++;
                    link = SiteNames.emailPage(stored.id());
                    writeEmail(terms, folder, stored);
                    if (awaitingEarlier != null) emailsSinceEarlier.add(stored);
                }
                rows.add(new TimelinePage.Row(stored, link, screenshotLinks(terms, stored)));
            }
            String previousPage = pageNumber > 1 ? SiteNames.timelinePage(pageNumber - 1) : null;
            String nextPage = more ? SiteNames.timelinePage(pageNumber + 1) : null;
            String main = TimelinePage.main(terms, rows, pageNumber, previousPage, nextPage);
            String name = terms.service() + " · " + terms.termsType();
            List<Page.Crumb> crumbs = pageNumber == 1
                    ? List.of(new Page.Crumb(name, null))
                    : List.of(new Page.Crumb(name, SiteNames.timelinePage(1)), new Page.Crumb("Page " + pageNumber, null));
            files.writeText(folder + "/" + SiteNames.timelinePage(pageNumber),
                    Page.render(TO_ROOT, terms.service() + " · " + terms.termsType(), crumbs, main, footer));
            if (more) after = page.get(page.size() - 1).id();
            pageNumber++;
        } while (more);
        if (awaitingEarlier != null) writeChange(terms, folder, awaitingEarlier, null, emailsSinceEarlier);

        return new TermsSummary(terms, folder, records, changes, emails, first, lastCapture, lastChange, lastChangePage);
    }

    private List<TimelinePage.Link> screenshotLinks(TermsKey terms, StoredRecord stored) throws IOException {
        List<TimelinePage.Link> links = new ArrayList<>();
        var documents = stored.record().documents();
        for (int i = 0; i < documents.size(); i++) {
            String sha = documents.get(i).screenshot();
            if (sha == null) continue;
            String file = screenshots.file(sha, ChangePage.context(terms, stored));
            if (file == null) continue;
            String label = documents.size() == 1 ? "Screenshot" : "Screenshot " + (i + 1);
            links.add(new TimelinePage.Link(label, TO_ROOT + file));
        }
        return links;
    }

    private void writeChange(TermsKey terms, String folder, StoredRecord change, StoredRecord earlier,
                             List<StoredRecord> emails) throws IOException {
        String title = "Change of " + Page.plainTime(change.record().fetchDate());
        String main = changePage.main(terms, change, earlier, emails);
        files.writeText(folder + "/" + SiteNames.changePage(change.id()), Page.render(TO_ROOT,
                terms.service() + " · " + terms.termsType() + " · " + title,
                List.of(new Page.Crumb(terms.service() + " · " + terms.termsType(), SiteNames.timelinePage(1)),
                        new Page.Crumb(title, null)), main, footer));
    }

    private void writeEmail(TermsKey terms, String folder, StoredRecord email) throws IOException {
        String title = "E-mail of " + Page.plainTime(email.record().fetchDate());
        String main = emailPage.main(terms, email);
        files.writeText(folder + "/" + SiteNames.emailPage(email.id()), Page.render(TO_ROOT,
                terms.service() + " · " + terms.termsType() + " · " + title,
                List.of(new Page.Crumb(terms.service() + " · " + terms.termsType(), SiteNames.timelinePage(1)),
                        new Page.Crumb(title, null)), main, footer));
    }
}
