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
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List the dated records of one terms, newest first.",
                "Each line: fetch date, what happened (first record, changed, unchanged), the record id "
                        + "(usable with diff --from/--to), and short hashes of the version and snapshots."},
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
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.openExisting()) {
            TermsKey key = new TermsKey(service, type);
            List<StoredRecord> page = s.history(key, after, limit + 1);
            if (page.isEmpty() && after == null) {
                spec.commandLine().getErr().println("clausecam: no records of " + UserText.printable(service + " / " + type) + " in " + s.describe());
                return 1;
            }
            for (StoredRecord r : page.subList(0, Math.min(limit, page.size()))) out.println(line(r));
            if (page.size() > limit) {
                out.println("... more: clausecam history \"" + service + "\" \"" + type + "\" --after " + page.get(limit - 1).id());
            }
            return 0;
        }
    }

    private static String line(StoredRecord stored) {
        CaptureRecord r = stored.record();
        String what = r.first() ? "first record" : r.changed() ? "changed" : r.technical() ? "technical" : "unchanged";
        if (CaptureRecord.KIND_EMAIL.equals(r.kind())) what = "e-mail evidence";
        StringBuilder docs = new StringBuilder();
        for (DocumentCapture d : r.documents()) {
            docs.append(' ').append(d.fetcher()).append(':').append(d.status()).append(':').append(shortHash(d.snapshot()));
        }
        String line = String.format("%s  %-15s %s  version %s  snapshots%s", r.fetchDate(), what, stored.id(), shortHash(r.version()), docs);
        // A new version that is not a change of the terms says why.
        return r.technical() ? line + "  (" + UserText.printable(r.changeReason()) + ")" : line;
    }

    static String shortHash(String sha) {
        return sha == null ? "-" : sha.substring(0, Math.min(12, sha.length()));
    }
}
