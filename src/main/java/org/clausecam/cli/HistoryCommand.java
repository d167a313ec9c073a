package org.clausecam.cli;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List the dated records of one terms, newest first by date (captures by their fetch "
                + "date, e-mail evidence by its Date header; records of the same date in the order they were "
                + "recorded).",
                "Each line: date (UTC, to the second), kind (capture or e-mail), what happened (first record, "
                        + "changed, unchanged; evidence for an e-mail), the record id (usable with diff "
                        + "--from/--to and --after), and short hashes of the version and snapshots."},
        footer = {"", "Example:", "  clausecam history Claude.ai \"Privacy Policy\" --limit 10"})
final class HistoryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SERVICE", description = "Service id (declaration file name without .json).")
    String service;

    @Parameters(index = "1", paramLabel = "TYPE", description = "Terms type, e.g. \"Terms of Service\".")
    String type;

    @Mixin
    StoreOption store;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Records per page (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--after", paramLabel = "RECORD", description = "Start after this record id (the next page).")
    String after;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws StoreException {
        if (limit < 1) throw new UsageException("--limit must be at least 1, not " + limit);
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.openExisting()) {
            TermsKey key = new TermsKey(service, type);
            HistoryByDate history = HistoryByDate.read(s, key);
            if (history.isEmpty()) {
                spec.commandLine().getErr().println("clausecam: no records of " + UserText.printable(service + " / " + type) + " in " + s.describe());
                return 1;
            }
            List<String> ids = history.page(after, limit + 1).orElseThrow(() -> new UsageException(
                    "--after " + UserText.printable(after) + ": no such record of " + UserText.printable(service + " / " + type)));
            for (String id : ids.subList(0, Math.min(limit, ids.size()))) {
                StoredRecord r = s.record(key, id).orElseThrow(() -> new StoreException(s.describe() + ": record " + id
                        + " of " + service + " / " + type + " disappeared while its history was listed"));
                out.println(line(r));
            }
            if (ids.size() > limit) {
                out.println("... more: clausecam history \"" + service + "\" \"" + type + "\" --after " + ids.get(limit - 1));
            }
            return 0;
        }
    }

    private static String line(StoredRecord stored) {
        CaptureRecord r = stored.record();
        boolean email = CaptureRecord.KIND_EMAIL.equals(r.kind());
        String kind = email ? "e-mail" : "capture";
        String what = email ? "evidence" : r.first() ? "first record" : r.changed() ? "changed" : r.technical() ? "technical" : "unchanged";
        StringBuilder docs = new StringBuilder();
        for (DocumentCapture d : r.documents()) {
            docs.append(' ').append(d.fetcher()).append(':').append(d.status()).append(':').append(shortHash(d.snapshot()));
        }
        String line = String.format("%s  %-7s  %-12s  %s  version %s  snapshots%s", toTheSecond(r.fetchDate()), kind, what,
                stored.id(), shortHash(r.version()), docs);
        // A new version that is not a change of the terms says why.
        return r.technical() ? line + "  (" + UserText.printable(r.changeReason()) + ")" : line;
    }

    /** ISO-8601 in UTC without fractions, e.g. {@code 2026-12-04T21:19:16Z}: what people compare and quote. */
    private static String toTheSecond(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String shortHash(String sha) {
        return sha == null ? "-" : sha.substring(0, Math.min(12, sha.length()));
    }
}
