package org.clausecam.export;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a store's histories as Open Terms Archive's two git repositories, {@code OUT/snapshots}
 * and {@code OUT/versions}: one commit per new snapshot or version content, in date order across
 * all terms, dated at the fetch date, with the engine's paths and messages ({@link OtaPaths},
 * {@link OtaMessages}).
 *
 * <p>Incremental: each commit names the record it came from in a trailer; a later export walks each
 * terms' history back only to the newest record already there, and adds what is new. A record whose
 * snapshot or version is the same as the repository's file makes no commit there, as in the engine.
 * E-mail evidence is not terms content and is never exported.
 */
public final class OtaExport {

    /** Open Terms Archive's default ({@code config/default.json}); collections name their published snapshots repository. */
    public static final String DEFAULT_SNAPSHOT_TEMPLATE = "./data/snapshots/" + OtaMessages.SNAPSHOT_ID_MARKER;
    public static final String DEFAULT_AUTHOR = "Clausecam <clausecam@users.noreply.invalid>";

    private static final int PAGE = 200;
    /** In the versions repository's {@code .git} while both repositories are being written. */
    private static final String UNFINISHED_MARKER = "clausecam-export-unfinished";

    /**
     * @param services         only these services (empty: all)
     * @param types            only these terms types (empty: all)
     * @param snapshotTemplate how version commits name their snapshots, {@code %SNAPSHOT_ID} replaced by the commit id
     * @param author           {@code Name <email>} of every commit
     */
    public record Options(Set<String> services, Set<String> types, String snapshotTemplate, String author) {
        public Options {
            services = Set.copyOf(services);
            types = Set.copyOf(types);
            if (!snapshotTemplate.contains(OtaMessages.SNAPSHOT_ID_MARKER)) {
                throw new IllegalArgumentException("the snapshot reference template must contain "
                        + OtaMessages.SNAPSHOT_ID_MARKER + ": " + snapshotTemplate);
            }
            if (!author.matches("[^<>\\n]+ <[^<>\\n]*>")) {
                throw new IllegalArgumentException("the author must read 'Name <email>', was: " + author);
            }
        }
    }

    private final Store store;
    private final Path out;
    private final Options options;

    public OtaExport(Store store, Path out, Options options) {
        this.store = store;
        this.out = out;
        this.options = options;
    }

    public OtaExportSummary export() throws StoreException, ExportException {
        GitRepository snapshots = GitRepository.openOrInit(out.resolve("snapshots"));
        GitRepository versions = GitRepository.openOrInit(out.resolve("versions"));
        Set<String> inVersions = versions.trailerValues(OtaMessages.RECORD_TRAILER);
        Map<String, String> snapshotCommitOf = snapshots.commitsByTrailer(OtaMessages.RECORD_TRAILER);
        // A run stopped between the two repositories left snapshot commits whose versions are missing:
        // walk back to the versions repository's own newest records then, not to the snapshots'.
        Path unfinished = versions.privateFile(UNFINISHED_MARKER);
        Set<String> exported = new HashSet<>(inVersions);
        if (!Files.exists(unfinished)) {
            for (String key : snapshotCommitOf.keySet()) exported.add(key.substring(0, key.indexOf('\n')));
        }

        Plan plan = new Plan(snapshots, snapshots.tree(), versions.tree(), snapshotCommitOf);
        int terms = 0;
        for (TermsKey key : store.terms()) {
            if (!selected(key)) continue;
            terms++;
            plan.terms(key, newRecords(key, exported));
        }
        if (plan.snapshotCommits.isEmpty() && plan.versionCommits.isEmpty()) {
            deleteMarker(unfinished);
            return new OtaExportSummary(terms, plan.recordsRead, 0, 0, plan.emails);
        }

        createMarker(unfinished);
        Map<Integer, String> snapshotIds = write(snapshots, plan.snapshotCommits);
        Map<PendingCommit, String> written = new HashMap<>();
        for (PendingCommit c : plan.snapshotCommits) written.put(c, snapshotIds.get(c.mark));
        List<PendingCommit> versionCommits = new ArrayList<>();
        for (PendingVersion v : plan.versionCommits) {
            v.nameSnapshots(written, options.snapshotTemplate());
            versionCommits.add(v.commit());
        }
        write(versions, versionCommits);
        deleteMarker(unfinished);
        return new OtaExportSummary(terms, plan.recordsRead, plan.snapshotCommits.size(), versionCommits.size(), plan.emails);
    }

    private static void createMarker(Path marker) throws ExportException {
        try {
            Files.writeString(marker, "an export of this folder was writing its commits; the next run completes it\n");
        } catch (IOException e) {
            throw new ExportException("cannot write " + marker + ": " + e.getMessage(), e);
        }
    }

    private static void deleteMarker(Path marker) throws ExportException {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new ExportException("cannot remove " + marker + ": " + e.getMessage(), e);
        }
    }

    private boolean selected(TermsKey key) {
        return (options.services().isEmpty() || options.services().contains(key.service()))
                && (options.types().isEmpty() || options.types().contains(key.termsType()));
    }

    /** The newest record already exported (null when none) and, oldest first, the records after it. */
    private record NewRecords(StoredRecord lastExported, List<StoredRecord> after) {
    }

    private NewRecords newRecords(TermsKey key, Set<String> exported) throws StoreException {
        List<StoredRecord> after = new ArrayList<>();
        String cursor = null;
        while (true) {
            List<StoredRecord> page = store.history(key, cursor, PAGE);
            for (StoredRecord r : page) {
                if (exported.contains(r.sha256())) {
                    Collections.reverse(after);
                    return new NewRecords(r, after);
                }
                after.add(r);
            }
            if (page.size() < PAGE) break;
            cursor = page.get(page.size() - 1).id();
        }
        Collections.reverse(after);
        return new NewRecords(null, after);
    }

    /** Writes the commits in date order (stable: a terms' own order is kept) and returns mark → commit id. */
    private Map<Integer, String> write(GitRepository repo, List<PendingCommit> commits) throws ExportException {
        if (commits.isEmpty()) return Map.of();
        commits.sort(Comparator.comparing((PendingCommit c) -> c.date));
        for (int i = 0; i < commits.size(); i++) commits.get(i).mark = i + 1;
        String parent = repo.head().orElse(null);
        String branch = repo.branch();
        return repo.fastImport(stream -> {
            boolean first = true;
            for (PendingCommit c : commits) {
                byte[] content;
                try {
                    content = store.getBlob(c.blob);
                } catch (StoreException e) {
                    throw new ExportException("cannot read " + c.path + " of record " + c.recordHash + " from the store: "
                            + e.getMessage(), e);
                }
                stream.commit(branch, c.mark, first ? parent : null, options.author(), c.date, c.message, c.path, content);
                first = false;
            }
            stream.done();
        });
    }

    /** A commit to write: a file's new content, read from the store only when written. */
    private static final class PendingCommit {
        final String path;
        final String blob;
        final Instant date;
        final String recordHash;
        /** Fixed for a snapshot; for a version, made once its snapshots' commit ids are known. */
        String message;
        int mark;

        PendingCommit(String path, String blob, Instant date, String recordHash, String message) {
            this.path = path;
            this.blob = blob;
            this.date = date;
            this.recordHash = recordHash;
            this.message = message;
        }
    }

    /** A snapshot a version was extracted from: a commit already in the repository, or one this export writes. */
    private sealed interface SnapshotRef permits InRepository, ThisExport {
        String id(Map<PendingCommit, String> written);
    }

    private record InRepository(String commitId) implements SnapshotRef {
        @Override
        public String id(Map<PendingCommit, String> written) {
            return commitId;
        }
    }

    private record ThisExport(PendingCommit commit) implements SnapshotRef {
        @Override
        public String id(Map<PendingCommit, String> written) {
            return written.get(commit);
        }
    }

    /** A version commit, whose message names snapshot commits that may not be written yet. */
    private record PendingVersion(PendingCommit commit, ChangeKind kind, CaptureRecord record, List<SnapshotRef> snapshots) {
        void nameSnapshots(Map<PendingCommit, String> written, String template) {
            List<String> ids = snapshots.stream().map(s -> s.id(written)).toList();
            commit.message = OtaMessages.version(kind, record.service(), record.termsType(), ids, template, engineVersion(record),
                    commit.recordHash);
        }
    }

    /** Decides, terms by terms, which records become which commits. */
    private final class Plan {
        final GitRepository snapshotRepo;
        final Map<String, String> snapshotTree;
        final Map<String, String> versionTree;
        final List<PendingCommit> snapshotCommits = new ArrayList<>();
        final List<PendingVersion> versionCommits = new ArrayList<>();
        final Map<String, Optional<String>> lastSnapshotCommit = new HashMap<>();
        /** Record hash and path to the snapshot commit an earlier export made of it. */
        final Map<String, String> snapshotCommitOf;
        int recordsRead;
        int emails;

        Plan(GitRepository snapshotRepo, Map<String, String> snapshotTree, Map<String, String> versionTree,
             Map<String, String> snapshotCommitOf) {
            this.snapshotRepo = snapshotRepo;
            this.snapshotTree = snapshotTree;
            this.versionTree = versionTree;
            this.snapshotCommitOf = snapshotCommitOf;
        }

        void terms(TermsKey key, NewRecords records) throws StoreException, ExportException {
            // Store hash of each file's content in the repository, and the snapshot commit each snapshot path stands at.
            Map<String, String> contentOf = new HashMap<>();
            Map<String, SnapshotRef> snapshotAt = new HashMap<>();
            boolean earlierCapture = records.lastExported() != null;
            if (records.lastExported() != null) {
                CaptureRecord last = records.lastExported().record();
                for (DocumentCapture d : last.documents()) {
                    contentOf.put(snapshotPath(last, d), d.snapshot());
                }
                contentOf.put(OtaPaths.version(key.service(), key.termsType()), last.version());
            }
            for (StoredRecord stored : records.after()) {
                recordsRead++;
                CaptureRecord r = stored.record();
                ChangeKind kind = ChangeKind.of(r, earlierCapture);
                if (kind == ChangeKind.EMAIL) {
                    emails++;
                    continue;
                }
                earlierCapture = true;
                List<SnapshotRef> snapshotRefs = new ArrayList<>();
                for (DocumentCapture d : r.documents()) {
                    String path = snapshotPath(r, d);
                    String earlier = snapshotCommitOf.get(stored.sha256() + "\n" + path);
                    if (earlier != null) {
                        // Written by a run that stopped before its versions: referenced, not written again.
                        contentOf.put(path, d.snapshot());
                        snapshotAt.put(path, new InRepository(earlier));
                    } else if (differs(path, d.snapshot(), contentOf, snapshotTree)) {
                        String message = OtaMessages.snapshot(tracked(snapshotTree, path) ? ChangeKind.CHANGED : ChangeKind.FIRST_RECORD,
                                r.service(), r.termsType(), d.documentId(), engineVersion(r), fetcherName(d.fetcher()),
                                d.location(), stored.sha256());
                        PendingCommit commit = new PendingCommit(path, d.snapshot(), r.fetchDate(), stored.sha256(), message);
                        snapshotCommits.add(commit);
                        snapshotTree.put(path, "(this export)");
                        snapshotAt.put(path, new ThisExport(commit));
                    }
                    SnapshotRef at = snapshotAt.containsKey(path) ? snapshotAt.get(path)
                            : lastCommitOf(path).<SnapshotRef>map(InRepository::new).orElse(null);
                    if (at != null) snapshotRefs.add(at);
                }
                String versionPath = OtaPaths.version(r.service(), r.termsType());
                if (differs(versionPath, r.version(), contentOf, versionTree)) {
                    ChangeKind versionKind = !versionTree.containsKey(versionPath) ? ChangeKind.FIRST_RECORD
                            : kind == ChangeKind.TECHNICAL ? ChangeKind.TECHNICAL : ChangeKind.CHANGED;
                    versionCommits.add(new PendingVersion(new PendingCommit(versionPath, r.version(), r.fetchDate(), stored.sha256(),
                            null), versionKind, r, snapshotRefs));
                    versionTree.put(versionPath, "(this export)");
                }
            }
        }

        /**
         * Whether a file's new content differs from the repository's: by store hash when this
         * export knows what the file holds, else by git's own blob id (a path written by someone
         * else, or by records not in this walk).
         */
        private boolean differs(String path, String storeHash, Map<String, String> contentOf, Map<String, String> tree)
                throws StoreException {
            String known = contentOf.put(path, storeHash);
            if (known != null) return !known.equals(storeHash);
            String inTree = tree.get(path);
            if (inTree == null) return true;
            return !inTree.equals(gitBlobId(store.getBlob(storeHash)));
        }

        private Optional<String> lastCommitOf(String path) throws ExportException {
            Optional<String> cached = lastSnapshotCommit.get(path);
            if (cached == null) {
                cached = snapshotRepo.lastCommitOf(path);
                lastSnapshotCommit.put(path, cached);
            }
            return cached;
        }
    }

    /**
     * Whether the repository already has this document, whatever its extension: the engine asks
     * git for {@code <Terms type>.*}, so a page that became a PDF is a new record of it, not a first.
     */
    private static boolean tracked(Map<String, String> tree, String path) {
        if (tree.containsKey(path)) return true;
        String stem = path.substring(0, path.lastIndexOf('.') + 1);
        for (String file : tree.keySet()) {
            if (file.startsWith(stem) && file.indexOf('.', stem.length()) < 0 && file.indexOf('/', stem.length()) < 0) return true;
        }
        return false;
    }

    private static String snapshotPath(CaptureRecord r, DocumentCapture d) {
        return OtaPaths.snapshot(r.service(), r.termsType(), d.documentId(), d.mimeType());
    }

    /** The engine's fetcher names: its plain HTTP fetcher is {@code htmlOnly}, its browser {@code fullDom}. */
    private static String fetcherName(String fetcher) {
        if ("http".equals(fetcher)) return "htmlOnly";
        if ("browser".equals(fetcher)) return "fullDom";
        return fetcher;
    }

    private static String engineVersion(CaptureRecord r) {
        return "Clausecam " + (r.agentVersion() == null ? "unknown" : r.agentVersion());
    }

    /** Git's id of a file's content: SHA-1 of {@code "blob <size>\0"} and the bytes. */
    static String gitBlobId(byte[] content) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
