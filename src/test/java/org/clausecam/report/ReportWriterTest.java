package org.clausecam.report;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.FileStore;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

@Tag("unit")
class ReportWriterTest {

    @TempDir
    static Path shared;
    /** Filled once: tests only read it (the one that adds records uses its own). */
    static FileStore store;

    @TempDir
    Path dir;
    Path out;

    @BeforeAll
    static void fillStore() throws StoreException {
        store = ReportStores.open(shared.resolve("data"));
        ReportStores.fill(store, new PlainPictures());
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void outputFolder() {
        out = dir.resolve("report");
    }

    String read(String relative) throws IOException {
        return Files.readString(out.resolve(relative), StandardCharsets.UTF_8);
    }

    static String folder(TermsKey terms) {
        return SiteNames.termsFolder(terms.service(), terms.termsType());
    }

    @Test
    void theIndexListsEveryServiceAndTermsWithLinksToTheirTimelines() throws Exception {
        ReportSummary summary = new ReportWriter(store, out).write();

        assertEquals(out.resolve("index.html").toAbsolutePath().normalize(), summary.index());
        assertEquals(4, summary.terms());
        assertEquals(9, summary.records());
        assertEquals(3, summary.changes());
        assertEquals(1, summary.emails());
        assertEquals(List.of(), summary.problems());
        String index = read("index.html");
        for (String name : List.of("Claude.ai", "Le Chat", "Ünïcode Sérvice Ωμέγα v2.0", "Privacy Policy", "Terms of Service")) {
            assertTrue(index.contains(name), name);
        }
        assertTrue(index.contains("href=\"" + folder(ReportStores.CLAUDE_PRIVACY) + "/index.html\""));
        assertTrue(Files.isRegularFile(out.resolve(folder(ReportStores.CLAUDE_PRIVACY)).resolve("index.html")));
        assertTrue(index.indexOf("Claude.ai") < index.indexOf("Le Chat") && index.indexOf("Le Chat") < index.indexOf("Ünïcode"));
    }

    @Test
    void theIndexLinksEachTermsLastChangeAndSaysWhenThereWasNone() throws Exception {
        new ReportWriter(store, out).write();
        String index = read("index.html");

        assertTrue(index.contains("<a href=\"" + folder(ReportStores.CLAUDE_PRIVACY) + "/change-4.html\"><time datetime=\"2026-09-25T06:00:00Z\">2026-09-25</time></a>"), index);
        assertTrue(index.contains("none since <time datetime=\"2026-08-01T06:00:00Z\">2026-08-01</time>"), index);
    }

    @Test
    void aTimelineListsRecordsNewestFirstWithWhatEachIs() throws Exception {
        new ReportWriter(store, out).write();
        String timeline = read(folder(ReportStores.CLAUDE_PRIVACY) + "/index.html");

        int changed = timeline.indexOf("2026-09-25 06:00 UTC");
        int email = timeline.indexOf("2026-08-28 16:02 UTC");
        int unchanged = timeline.indexOf("2026-08-15 06:00 UTC");
        int first = timeline.indexOf("2026-08-01 06:00 UTC");
        assertTrue(0 < changed && changed < email && email < unchanged && unchanged < first, timeline);
        assertTrue(timeline.contains("<span class=\"badge changed\">Changed</span>"));
        assertTrue(timeline.contains("<span class=\"badge email\">E-mail evidence</span>"));
        assertTrue(timeline.contains("<span class=\"badge unchanged\">Unchanged</span>"));
        assertTrue(timeline.contains("<span class=\"badge first\">First record</span>"));
        assertTrue(timeline.contains("href=\"change-4.html\""));
        assertTrue(timeline.contains("href=\"email-3.html\""));
    }

    @Test
    void aChangeIsShownAgainstTheLastPageCaptureNotTheEmailBetweenThem() throws Exception {
        new ReportWriter(store, out).write();
        String change = read(folder(ReportStores.CLAUDE_PRIVACY) + "/change-4.html");

        assertTrue(change.contains("<dt>Before</dt><dd><time datetime=\"2026-08-15T06:00:00Z\">2026-08-15 06:00 UTC</time> (record 2, <a href=\"record-2.html\">evidence</a>)</dd>"), change);
        assertTrue(change.contains("<del>1 May</del><ins>25 September</ins>"), change);
        assertTrue(change.contains("<dt>Announced</dt><dd><a href=\"email-3.html\">E-mail of <time datetime=\"2026-08-28T16:02:11Z\">"), change);
        assertTrue(change.contains("<ins>*   **Feedback**: ratings and comments you give on answers.\n</ins>*   **Technical data**"), change);
        assertTrue(change.contains("browser<ins>, approximate location</ins> and"), change);
    }

    @Test
    void aChangePageOpensOnCropsOfBothScreenshotsAndTheirDifferenceThenTilesOfBothWhole() throws Exception {
        ReportSummary summary = new ReportWriter(store, out).write();
        String change = read(folder(ReportStores.CLAUDE_PRIVACY) + "/change-4.html");

        List<String> images = sources(change);
        assertEquals(5, images.size(), images.toString()); // before, after, difference; one tile of each screenshot
        assertTrue(images.get(0).matches("\\.\\./\\.\\./\\.\\./crops/[0-9a-f]{64}-\\d+-\\d+\\.png"), images.get(0));
        assertTrue(images.get(2).matches("\\.\\./\\.\\./\\.\\./crops/[0-9a-f]{64}-[0-9a-f]{64}-\\d+-\\d+\\.png"), images.get(2));
        assertTrue(images.get(3).matches("\\.\\./\\.\\./\\.\\./tiles/[0-9a-f]{64}-1\\.png"), images.get(3));
        for (String image : images) assertTrue(Files.isRegularFile(out.resolve(folder(ReportStores.CLAUDE_PRIVACY)).resolve(image)), image);
        assertTrue(change.matches("(?s).*\\d+\\.\\d\\d % of the pixels changed, in \\d+ places?.*"), change);
        assertTrue(change.indexOf("class=\"crops\"") < change.indexOf("<h2 id=\"text\">"), "the crops come before the text");
        assertTrue(change.contains("<a class=\"to-text\" href=\"#text-change-"), change);
        assertEquals(2, summary.visualDiffsComputed());   // Claude.ai's change and Le Chat's second document
        assertTrue(Files.list(out).noneMatch(f -> f.getFileName().toString().equals("evidence")
                && Files.exists(f) && listPngs(f) > 0), "no PNG copied without --png-evidence");
    }

    @Test
    void withPngEvidenceEachRecordLinksItsFullScreenshotStoredOnceByItsHash() throws Exception {
        new ReportWriter(store, out, 100, "test", true).write();
        StoredRecord change = store.latest(ReportStores.CLAUDE_PRIVACY).orElseThrow();
        String sha = change.record().documents().get(0).screenshot();
        String record = read(folder(ReportStores.CLAUDE_PRIVACY) + "/record-4.html");

        assertTrue(record.contains("<a href=\"../../../evidence/" + sha + ".png\">PNG</a>"), record);
        assertArrayEquals(store.getBlob(sha), Files.readAllBytes(out.resolve("evidence/" + sha + ".png")));
    }

    @Test
    void aRecordPageNamesItsHashAndLinksItsVersionAndSnapshot() throws Exception {
        new ReportWriter(store, out).write();
        StoredRecord change = store.latest(ReportStores.CLAUDE_PRIVACY).orElseThrow();
        String record = read(folder(ReportStores.CLAUDE_PRIVACY) + "/record-4.html");

        assertTrue(record.contains("<code class=\"hash\">" + change.sha256() + "</code>"), record);
        assertTrue(record.contains("../../../evidence/" + change.record().version() + ".md"), record);
        assertEquals(ReportStores.PRIVACY_V2, read("evidence/" + change.record().version() + ".md"));
        assertTrue(record.contains("../../../evidence/" + change.record().documents().get(0).snapshot() + "."), record);
        assertTrue(record.contains("href=\"change-4.html\""), record);
    }

    private static long listPngs(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".png")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void combinedTermsShowEachDocumentAgainstTheSameDocumentBefore() throws Exception {
        new ReportWriter(store, out).write();
        String change = read(folder(ReportStores.LE_CHAT_TERMS) + "/change-2.html");

        assertTrue(change.contains("<h3>Document 1: terms</h3>"));
        assertTrue(change.contains("<h3>Document 2: terms-ai</h3>"));
        assertTrue(change.contains("The two screenshots are identical."));
        assertEquals(5, sources(change).size());
        assertTrue(change.contains("erreurs.<ins> Vérifiez les informations importantes.</ins>"), change);
    }

    @Test
    void eMailEvidenceHasAPageWithItsRenderingAndText() throws Exception {
        new ReportWriter(store, out).write();
        String email = read(folder(ReportStores.CLAUDE_PRIVACY) + "/email-3.html");

        assertEquals(1, sources(email).size());
        assertTrue(email.contains("Subject: Updates to our Consumer Terms and Privacy Policy"));
        assertTrue(email.contains("From: Claude Team &lt;no-reply@example.com&gt;"));
    }

    @Test
    void textAndUrlsFromTheStoreAreEscapedAndOnlyHttpUrlsBecomeLinks() throws Exception {
        new ReportWriter(store, out).write();
        String change = read(folder(ReportStores.UNICODE_PRIVACY) + "/change-2.html");

        assertFalse(change.contains("<script"), change);
        assertFalse(change.contains("<img src=x"), change);
        assertTrue(change.contains("&lt;img src=x onerror="), change);
        assertTrue(change.contains("<a class=\"external\" href=\"https://example.com/privacy?a=1&amp;b=2\">"), change);
        assertTrue(change.contains("No screenshots were taken for these captures."));
        String first = read(folder(ReportStores.UNICODE_PRIVACY) + "/index.html");
        assertFalse(first.contains("href=\"javascript:"), first);
    }

    @Test
    void theLastCaptureIsTheNewestPageCaptureNeverAnEmailsDate() throws Exception {
        FileStore own = ReportStores.open(dir.resolve("data"));
        TermsKey oldMailLast = new TermsKey("Old mail recorded last", "Terms of Service");
        ReportStores.append(own, oldMailLast, "2026-03-01T06:00:00Z", CaptureRecord.KIND_CAPTURE, ReportStores.TERMS_V1,
                ReportStores.document(own, "https://example.com/tos", null, null));
        ReportStores.append(own, oldMailLast, "2026-03-02T06:00:00Z", CaptureRecord.KIND_CAPTURE, ReportStores.TERMS_V1,
                ReportStores.document(own, "https://example.com/tos", null, null));
        ReportStores.append(own, oldMailLast, "2025-08-28T17:02:11Z", CaptureRecord.KIND_EMAIL, ReportStores.EMAIL_TEXT,
                ReportStores.document(own, "file:updates.eml", null, null));
        TermsKey mailAfterCapture = new TermsKey("Mail after the capture", "Terms of Service");
        ReportStores.append(own, mailAfterCapture, "2026-03-01T06:00:00Z", CaptureRecord.KIND_CAPTURE, ReportStores.TERMS_V1,
                ReportStores.document(own, "https://example.com/tos", null, null));
        ReportStores.append(own, mailAfterCapture, "2026-04-10T09:00:00Z", CaptureRecord.KIND_EMAIL, ReportStores.EMAIL_TEXT,
                ReportStores.document(own, "file:reminder.eml", null, null));
        TermsKey onlyMail = new TermsKey("Only mail", "Terms of Service");
        ReportStores.append(own, onlyMail, "2026-05-01T09:00:00Z", CaptureRecord.KIND_EMAIL, ReportStores.EMAIL_TEXT,
                ReportStores.document(own, "file:notice.eml", null, null));

        new ReportWriter(own, out).write();
        String index = read("index.html");

        assertTrue(row(index, "Old mail recorded last").contains("none since <time datetime=\"2026-03-01T06:00:00Z\">2026-03-01</time>"
                + "</span></td><td><time datetime=\"2026-03-02T06:00:00Z\">"), index);
        assertTrue(row(index, "Mail after the capture").contains("</span></td><td><time datetime=\"2026-03-01T06:00:00Z\">"), index);
        assertTrue(row(index, "Only mail").contains("no page capture yet</span></td><td>—</td>"), index);
    }

    private static String row(String index, String service) {
        int start = index.indexOf(">" + service + "</th>");
        assertTrue(start > 0, service + " in the index");
        return index.substring(start, index.indexOf("</tr>", start));
    }

    @Test
    void longHistoriesArePagedWithLinksBothWays() throws Exception {
        TermsKey paged = new TermsKey("Paged", "Terms of Service");
        FileStore own = ReportStores.open(dir.resolve("data"));
        ReportStores.fillLongHistory(own, paged, 5);

        new ReportWriter(own, out, 2, "test").write();
        String folder = folder(paged);

        String page1 = read(folder + "/index.html");
        String page2 = read(folder + "/page-2.html");
        String page3 = read(folder + "/page-3.html");
        assertFalse(Files.exists(out.resolve(folder + "/page-4.html")));
        assertTrue(page1.contains("<a rel=\"next\" href=\"page-2.html\">") && !page1.contains("rel=\"prev\""));
        assertTrue(page2.contains("<a rel=\"prev\" href=\"index.html\">") && page2.contains("<a rel=\"next\" href=\"page-3.html\">"));
        assertTrue(page3.contains("<a rel=\"prev\" href=\"page-2.html\">") && !page3.contains("rel=\"next\""));
        assertTrue(page1.contains("2026-01-05") && page3.contains("2026-01-01"));
        // Records 3 and 5 changed; record 3's change page needed record 2, read on the next page.
        assertTrue(Files.isRegularFile(out.resolve(folder + "/change-3.html")));
        assertTrue(Files.isRegularFile(out.resolve(folder + "/change-5.html")));
        assertTrue(read(folder + "/change-3.html").contains("(record 2, "));
    }

    @Test
    void aSecondRunOverAnUnchangedStoreWritesNothing() throws Exception {
        ReportSummary first = new ReportWriter(store, out).write();
        assertTrue(first.evidenceCopied() > 0 && first.previewsWritten() > 0);
        Map<Path, FileTime> before = modificationTimes();
        FileTime past = FileTime.fromMillis(0);
        for (Path file : before.keySet()) Files.setLastModifiedTime(file, past);

        ReportSummary second = new ReportWriter(store, out).write();

        assertEquals(0, second.filesWritten());
        assertEquals(0, second.evidenceCopied());
        assertEquals(0, second.previewsWritten());
        assertEquals(0, second.visualDiffsComputed());
        assertEquals(first.records() + first.changes() + first.emails(), second.pagesSkipped());
        for (Path file : before.keySet()) assertEquals(past, Files.getLastModifiedTime(file), out.relativize(file) + " was rewritten");
    }

    @Test
    void aRunAfterANewChangeWritesOnlyItsPagesAndPicturesAndThePagesListingIt() throws Exception {
        TermsKey paged = new TermsKey("Paged", "Terms of Service");
        FileStore own = ReportStores.open(dir.resolve("data"));
        ReportStores.fill(own, new PlainPictures());
        ReportStores.fillLongHistory(own, paged, 3);
        new ReportWriter(own, out).write();
        FileTime past = FileTime.fromMillis(0);
        for (Path file : modificationTimes().keySet()) Files.setLastModifiedTime(file, past);

        ReportStores.fillLongHistory(own, paged, 1); // one more record of Paged, a change
        ReportSummary second = new ReportWriter(own, out).write();

        String id = own.latest(paged).orElseThrow().id();
        String folder = folder(paged);
        Set<String> rewritten = new java.util.TreeSet<>();
        for (Map.Entry<Path, FileTime> e : modificationTimes().entrySet()) {
            if (!e.getValue().equals(past)) rewritten.add(out.relativize(e.getKey()).toString());
        }
        Set<String> pages = rewritten.stream().filter(f -> f.endsWith(".html")).collect(Collectors.toCollection(java.util.TreeSet::new));
        String previousChange = own.history(paged, id, 1).get(0).id();
        assertEquals(new java.util.TreeSet<>(Set.of("index.html", folder + "/index.html", folder + "/record-" + id + ".html",
                folder + "/change-" + id + ".html", folder + "/change-" + previousChange + ".html")), pages,
                "only the new record's pages, the previous change (its next-change link) and the lists");
        assertTrue(rewritten.stream().noneMatch(f -> f.startsWith("terms/") && !f.startsWith(folder)), rewritten.toString());
        assertEquals(rewritten.size(), second.filesWritten());
    }

    @Test
    void temporaryFilesOfAnInterruptedRunAreRemovedByTheNext() throws Exception {
        Files.createDirectories(out.resolve("evidence"));
        Files.createDirectories(out.resolve("visual"));
        Files.write(out.resolve("evidence/.partial-123.tmp"), new byte[] {(byte) 0x89, 'P'});
        Files.write(out.resolve("visual/.partial-456.tmp"), new byte[] {(byte) 0x89, 'P'});

        new ReportWriter(store, out).write();

        assertFalse(Files.exists(out.resolve("evidence/.partial-123.tmp")));
        assertFalse(Files.exists(out.resolve("visual/.partial-456.tmp")));
    }

    @Test
    void updatingAReportOfAnEarlierVersionRemovesItsFullSizePicturesAndNothingElse() throws Exception {
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        Files.createDirectories(out.resolve("blobs"));
        Files.createDirectories(out.resolve("visual"));
        Files.write(out.resolve("blobs/" + a + ".png"), new byte[] {1});
        Files.write(out.resolve("visual/" + a + "-" + b + ".png"), new byte[] {1});
        Files.write(out.resolve("visual/notes.txt"), new byte[] {1});

        new ReportWriter(store, out).write();

        assertFalse(Files.exists(out.resolve("blobs")));
        assertFalse(Files.exists(out.resolve("visual/" + a + "-" + b + ".png")));
        assertTrue(Files.exists(out.resolve("visual/notes.txt")));
    }

    @Test
    void aBlobMissingFromTheStoreIsAProblemNamingItAndTheRestIsStillWritten() throws Exception {
        StoredRecord change = store.latest(ReportStores.CLAUDE_PRIVACY).orElseThrow();
        String lostScreenshot = change.record().documents().get(0).screenshot();
        ForgetfulStore damaged = new ForgetfulStore(store, Set.of(lostScreenshot));

        ReportSummary summary = new ReportWriter(damaged, out).write();

        assertEquals(1, summary.problems().size(), summary.problems().toString());
        String problem = summary.problems().get(0);
        assertTrue(problem.startsWith("Claude.ai / Privacy Policy record 4: screenshot " + lostScreenshot), problem);
        String page = read(folder(ReportStores.CLAUDE_PRIVACY) + "/change-4.html");
        assertTrue(page.contains("The screenshots could not be compared"), page);
        assertTrue(page.contains("<ins>"));
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }

    @Test
    void anEmptyStoreGivesAnIndexSayingSo() throws Exception {
        ReportSummary summary = new ReportWriter(ReportStores.open(dir.resolve("empty")), out).write();

        assertEquals(0, summary.terms());
        assertTrue(read("index.html").contains("The store holds no records yet."));
        assertTrue(Files.isRegularFile(out.resolve("assets/report.css")));
    }

    private Map<Path, FileTime> modificationTimes() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(f -> f, f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    static List<String> sources(String html) {
        return java.util.regex.Pattern.compile("<img src=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }
}
