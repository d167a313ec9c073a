package org.clausecam.notify;

import org.clausecam.diff.TextDiff;
import org.clausecam.export.ChangeKind;
import org.clausecam.report.PublishedFile;
import org.clausecam.report.ReportLinks;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An Atom feed of a store's changes of terms: one entry per record whose text differs from the
 * previous capture's, newest first. First records (when tracking began) and technical changes are
 * not changes of the terms and get no entry; nor does e-mail evidence.
 */
public final class ChangeFeed {

    /** Lines of the text difference kept in an entry's summary. */
    static final int SUMMARY_LINES = 24;

    /**
     * @param services  only these services (empty: all)
     * @param reportUrl where {@code clausecam report} of this store is published, or null: entries then have no link
     * @param selfUrl   where the feed itself is published, or null
     * @param limit     entries kept, the newest
     */
    public record Settings(Set<String> services, String reportUrl, String selfUrl, int limit, String generatorVersion) {
        public Settings {
            services = Set.copyOf(services);
            if (limit < 1) throw new IllegalArgumentException("the feed must keep at least 1 entry, was " + limit);
            if (reportUrl != null && !reportUrl.endsWith("/")) reportUrl = reportUrl + "/";
        }
    }

    private record Change(StoredRecord change, String previousVersion) {
    }

    private static final int PAGE = 500;

    private final Store store;

    public ChangeFeed(Store store) {
        this.store = store;
    }

    /** Writes the feed to {@code out}, replacing it whole (readers never see half a feed), and returns its entry count. */
    public int write(Path out, Settings settings) throws StoreException, IOException {
        List<Change> changes = new ArrayList<>();
        for (TermsKey terms : store.terms()) {
            if (settings.services().isEmpty() || settings.services().contains(terms.service())) changes.addAll(changes(terms));
        }
        changes.sort(Comparator.comparing((Change c) -> c.change().record().fetchDate()).reversed());
        List<FeedEntry> entries = new ArrayList<>();
        for (Change c : changes.subList(0, Math.min(settings.limit(), changes.size()))) entries.add(entry(c, settings));
        Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).updated();

        PublishedFile.write(out, ".feed-", ".xml", stream -> {
            try {
                AtomWriter.write(stream, feedId(settings), "Changes of terms in " + store.describe(), settings.selfUrl(),
                        settings.reportUrl(), settings.generatorVersion(), updated, entries);
            } catch (XMLStreamException e) {
                throw new IOException("cannot write the feed " + out + ": " + e.getMessage(), e);
            }
        });
        return entries.size();
    }

    /** A terms' changes, each with the version it changed from (the previous page capture's). */
    private List<Change> changes(TermsKey terms) throws StoreException {
        List<StoredRecord> history = new ArrayList<>();
        String after = null;
        while (true) {
            List<StoredRecord> page = store.history(terms, after, PAGE);
            history.addAll(page);
            if (page.size() < PAGE) break;
            after = page.get(page.size() - 1).id();
        }
        Collections.reverse(history);
        List<Change> changes = new ArrayList<>();
        String previousVersion = null;
        for (StoredRecord stored : history) {
            CaptureRecord r = stored.record();
            ChangeKind kind = ChangeKind.of(r, previousVersion != null);
            if (kind == ChangeKind.EMAIL) continue;
            if (kind.changesTerms()) changes.add(new Change(stored, previousVersion));
            previousVersion = r.version();
        }
        return changes;
    }

    private FeedEntry entry(Change c, Settings settings) throws StoreException {
        CaptureRecord r = c.change().record();
        String before = new String(store.getBlob(c.previousVersion()), StandardCharsets.UTF_8);
        String after = new String(store.getBlob(r.version()), StandardCharsets.UTF_8);
        String link = settings.reportUrl() == null ? null
                : settings.reportUrl() + pathForUrl(ReportLinks.changePage(r.service(), r.termsType(), c.change().id()));
        return new FeedEntry(recordUrn(c.change().sha256()), r.service() + " — " + r.termsType() + " changed", r.fetchDate(),
                summary(TextDiff.unified("before", before, "after", after)), link);
    }

    /** The first lines of the difference, without characters XML 1.0 cannot hold. */
    static String summary(String diff) {
        String[] lines = diff.split("\n", -1);
        StringBuilder kept = new StringBuilder();
        int n = Math.min(lines.length, SUMMARY_LINES);
        for (int i = 0; i < n; i++) kept.append(lines[i]).append('\n');
        if (lines.length > SUMMARY_LINES) kept.append("…\n");
        return kept.toString().codePoints()
                .filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                        || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** A name-based UUID URN: a stable Atom id, registered scheme, derived from the record's hash. */
    static String recordUrn(String recordHash) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("clausecam-record:" + recordHash).getBytes(StandardCharsets.UTF_8));
    }

    private String feedId(Settings settings) {
        String names = String.join(",", new java.util.TreeSet<>(settings.services()));
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("clausecam-feed:" + store.describe() + "|" + names)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Report paths are ASCII slugs, but each segment is encoded anyway: the link must be a valid IRI whatever the ids. */
    private static String pathForUrl(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!encoded.isEmpty()) encoded.append('/');
            encoded.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return encoded.toString();
    }
}
