package org.clausecam.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code export ota}: a store's histories as Open Terms Archive's repositories, checked with git
 * itself (commits, dates, paths, messages), run twice and after a new change.
 */
class OtaExportTest {

    private static final Instant MONDAY = Instant.parse("2026-04-06T10:30:20Z");
    private static final Instant TUESDAY = Instant.parse("2026-04-07T10:30:21Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-04-08T10:30:22Z");
    private static final Instant THURSDAY = Instant.parse("2026-04-09T10:30:23Z");

    @TempDir
    Path work;

    private OtaExportSummary export(StoreHistories histories, Path out) throws Exception {
        return new OtaExport(histories.store(), out, new OtaExport.Options(Set.of(), Set.of(),
                OtaExport.DEFAULT_SNAPSHOT_TEMPLATE, OtaExport.DEFAULT_AUTHOR)).export();
    }

    @Test
    void versionsGetOneCommitPerFirstRecordAndChangeInDateOrderAcrossTerms() throws Exception {
        Path out = work.resolve("ota");
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            h.capture("Claude.ai", "Privacy Policy", MONDAY, "# Privacy\n\nWe keep data.\n", "<p>We keep data.</p>");
            h.capture("ChatGPT", "Terms of Service", TUESDAY, "# Terms\n", "<p>Terms</p>");
            h.capture("Claude.ai", "Privacy Policy", WEDNESDAY, "# Privacy\n\nWe keep data.\n", "<p>We keep data.</p>");
            h.capture("Claude.ai", "Privacy Policy", THURSDAY, "# Privacy\n\nWe sell data.\n", "<p>We sell data.</p>");

            OtaExportSummary summary = export(h, out);

            assertEquals(3, summary.versionCommits());
            GitLog versions = GitLog.of(out.resolve("versions"));
            assertEquals(List.of("First record of Claude.ai Privacy Policy", "First record of ChatGPT Terms of Service",
                    "Record new changes of Claude.ai Privacy Policy"), versions.subjects());
            assertEquals(List.of("Claude.ai/Privacy Policy.md", "ChatGPT/Terms of Service.md", "Claude.ai/Privacy Policy.md"),
                    versions.paths());
            assertEquals(List.of(MONDAY.getEpochSecond(), TUESDAY.getEpochSecond(), THURSDAY.getEpochSecond()),
                    versions.commits().stream().map(GitLog.Commit::authorDate).toList());
            assertEquals(versions.commits().stream().map(GitLog.Commit::authorDate).toList(),
                    versions.commits().stream().map(GitLog.Commit::committerDate).toList());
            assertEquals("# Privacy\n\nWe sell data.\n", Files.readString(out.resolve("versions/Claude.ai/Privacy Policy.md")));
        }
    }

    @Test
    void aVersionCommitNamesItsSnapshotCommitAndTheEngineVersionAsTheEngineDoes() throws Exception {
        Path out = work.resolve("ota");
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            var record = h.capture("Claude.ai", "Privacy Policy", MONDAY, "# Privacy\n", "<p>Privacy</p>");
            export(h, out);

            GitLog.Commit snapshot = GitLog.of(out.resolve("snapshots")).commits().get(0);
            GitLog.Commit version = GitLog.of(out.resolve("versions")).commits().get(0);
            assertEquals("Claude.ai/Privacy Policy.html", snapshot.path());
            assertEquals("""
                    First record of Claude.ai Privacy Policy

                    X-engine-version: Clausecam test
                    X-fetcher: fullDom
                    X-source-document-location: https://claude.ai.example/terms
                    X-clausecam-record: %s""".formatted(record.sha256()), snapshot.message());
            assertEquals("""
                    First record of Claude.ai Privacy Policy

                    This version was recorded after extracting from snapshot ./data/snapshots/%s

                    X-engine-version: Clausecam test
                    X-clausecam-record: %s""".formatted(snapshot.id(), record.sha256()), version.message());
            assertEquals("Clausecam <clausecam@users.noreply.invalid>", version.author());
        }
    }

    @Test
    void combinedTermsGetOneSnapshotFilePerDocumentNamedWithItsIdAndAVersionListingThemAll() throws Exception {
        Path out = work.resolve("ota");
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            Map<String, String> documents = new LinkedHashMap<>();
            documents.put("usage-policies", "<p>Usage</p>");
            documents.put("sharing-policy", "<p>Sharing</p>");
            h.capture("ChatGPT", "Acceptable Use Policy", MONDAY, "Usage\n\n- - -\n\nSharing\n", documents);
            export(h, out);

            GitLog snapshots = GitLog.of(out.resolve("snapshots"));
            assertEquals(List.of("ChatGPT/Acceptable Use Policy #usage-policies.html", "ChatGPT/Acceptable Use Policy #sharing-policy.html"),
                    snapshots.paths());
            assertTrue(snapshots.commits().get(0).message().contains("\n\nDocument ID usage-policies\n\n"),
                    snapshots.commits().get(0).message());
            String versionMessage = GitLog.of(out.resolve("versions")).commits().get(0).message();
            assertTrue(versionMessage.contains("""
                    This version was recorded after extracting from and assembling the following snapshots from 2 source documents:
                    - ./data/snapshots/%s
                    - ./data/snapshots/%s
                    """.formatted(snapshots.commits().get(0).id(), snapshots.commits().get(1).id())), versionMessage);
        }
    }

    @Test
    void aSecondExportAddsNothingAndANewChangeAddsOneCommitToEachRepository() throws Exception {
        Path out = work.resolve("ota");
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            h.capture("Claude.ai", "Privacy Policy", MONDAY, "v1\n", "<p>v1</p>");
            h.capture("Claude.ai", "Privacy Policy", TUESDAY, "v2\n", "<p>v2</p>");
            export(h, out);
            String versionsHead = GitLog.git(out.resolve("versions"), "rev-parse", "HEAD");

            OtaExportSummary again = export(h, out);

            assertEquals(0, again.recordsRead());
            assertEquals(versionsHead, GitLog.git(out.resolve("versions"), "rev-parse", "HEAD"));
            assertEquals(2, GitLog.of(out.resolve("snapshots")).commits().size());

            h.capture("Claude.ai", "Privacy Policy", WEDNESDAY, "v2\n", "<p>v2</p>");
            h.capture("Claude.ai", "Privacy Policy", THURSDAY, "v3\n", "<p>v3</p>");
            OtaExportSummary third = export(h, out);

            assertEquals(2, third.recordsRead());
            GitLog versions = GitLog.of(out.resolve("versions"));
            assertEquals(3, versions.commits().size());
            assertEquals(THURSDAY.getEpochSecond(), versions.commits().get(2).authorDate());
            assertEquals(3, GitLog.of(out.resolve("snapshots")).commits().size());
            assertEquals("", GitLog.git(out.resolve("versions"), "status", "--porcelain"), "the working tree shows the files as committed");
        }
    }

    @Test
    void anExportStoppedBetweenTheTwoRepositoriesIsCompletedByTheNextWithoutDuplicates() throws Exception {
        Path out = work.resolve("ota");
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            h.capture("Claude.ai", "Privacy Policy", MONDAY, "v1\n", "<p>v1</p>");
            export(h, out);
            h.capture("Claude.ai", "Privacy Policy", TUESDAY, "v2\n", "<p>v2</p>");
            // git cannot move the versions branch while its lock file is there: the snapshots get written, the versions not.
            Path lock = out.resolve("versions/.git/refs/heads/main.lock");
            Files.writeString(lock, "");
            assertThrows(ExportException.class, () -> export(h, out));
            assertEquals(2, GitLog.of(out.resolve("snapshots")).commits().size());
            assertEquals(1, GitLog.of(out.resolve("versions")).commits().size());
            Files.delete(lock);

            export(h, out);

            GitLog snapshots = GitLog.of(out.resolve("snapshots"));
            GitLog versions = GitLog.of(out.resolve("versions"));
            assertEquals(2, snapshots.commits().size(), "the snapshot already written is not written again");
            assertEquals(2, versions.commits().size());
            assertTrue(versions.commits().get(1).message().contains(snapshots.commits().get(1).id()),
                    "the completed version names the snapshot commit of the stopped run: " + versions.commits().get(1).message());
        }
    }

    @Test
    void aSnapshotThatChangedUnderAnUnchangedVersionIsCommittedToSnapshotsOnly() throws Exception {
        Path out = work.resolve("ota");
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            h.capture("Claude.ai", "Privacy Policy", MONDAY, "same\n", "<p>same</p><!-- build 1 -->");
            h.capture("Claude.ai", "Privacy Policy", TUESDAY, "same\n", "<p>same</p><!-- build 2 -->");
            export(h, out);

            assertEquals(List.of("First record of Claude.ai Privacy Policy", "Record new changes of Claude.ai Privacy Policy"),
                    GitLog.of(out.resolve("snapshots")).subjects());
            assertEquals(1, GitLog.of(out.resolve("versions")).commits().size());
        }
    }

    @Test
    void aPageThatBecameAPdfIsANewRecordOfItsDocumentNotAFirstRecord() throws Exception {
        Path out = work.resolve("ota");
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            h.capture("DSA", "Systemic Risk Report", MONDAY, "v1\n", "<p>v1</p>");
            h.capture("DSA", "Systemic Risk Report", TUESDAY, "v2\n", Map.of("", "%PDF-1.7 v2"), "application/pdf");
            export(h, out);

            GitLog snapshots = GitLog.of(out.resolve("snapshots"));
            assertEquals(List.of("DSA/Systemic Risk Report.html", "DSA/Systemic Risk Report.pdf"), snapshots.paths());
            assertEquals("Record new changes of DSA Systemic Risk Report", snapshots.subjects().get(1));
        }
    }

    @Test
    void emailEvidenceIsNotExported() throws Exception {
        Path out = work.resolve("ota");
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            h.capture("Claude.ai", "Privacy Policy", MONDAY, "v1\n", "<p>v1</p>");
            h.email("Claude.ai", "Privacy Policy", TUESDAY);
            h.capture("Claude.ai", "Privacy Policy", WEDNESDAY, "v1\n", "<p>v1</p>");
            OtaExportSummary summary = export(h, out);

            assertEquals(1, summary.emailsSkipped());
            assertEquals(1, GitLog.of(out.resolve("versions")).commits().size());
            assertEquals(1, GitLog.of(out.resolve("snapshots")).commits().size());
        }
    }

    @Test
    void onlyTheChosenServicesAreExported() throws Exception {
        Path out = work.resolve("ota");
        try (StoreHistories h = new StoreHistories(work.resolve("store"))) {
            h.capture("Claude.ai", "Privacy Policy", MONDAY, "v1\n", "<p>v1</p>");
            h.capture("ChatGPT", "Privacy Policy", MONDAY, "v1\n", "<p>v1</p>");
            new OtaExport(h.store(), out, new OtaExport.Options(Set.of("ChatGPT"), Set.of(), OtaExport.DEFAULT_SNAPSHOT_TEMPLATE,
                    OtaExport.DEFAULT_AUTHOR)).export();

            assertEquals(List.of("ChatGPT/Privacy Policy.md"), GitLog.of(out.resolve("versions")).paths());
        }
    }
}
