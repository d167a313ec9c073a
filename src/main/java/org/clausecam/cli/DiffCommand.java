package org.clausecam.cli;

import org.clausecam.diff.RecordFinder;
import org.clausecam.diff.TextDiff;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changed in one terms between two records, as a unified text diff.",
                "Default: the last change. --from/--to take a record id (see history) or a date: "
                        + "the latest record at or before it."},
        footer = {"", "Examples:", "  clausecam diff Claude.ai \"Privacy Policy\"",
                "  clausecam diff Claude.ai \"Privacy Policy\" --from 2026-08-01 --to 2026-10-01"})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1", paramLabel = "TYPE")
    String type;

    @Mixin
    StoreOption store;

    @Option(names = "--from", paramLabel = "RECORD|DATE", description = "The older record (default: the one before the last change).")
    String from;

    @Option(names = "--to", paramLabel = "RECORD|DATE", description = "The newer record (default: the last change; with only --from: the latest record).")
    String to;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws StoreException {
        TermsKey key = new TermsKey(service, type);
        try (Store s = store.open()) {
            RecordFinder finder = new RecordFinder(s, key);
            StoredRecord older;
            StoredRecord newer;
            if (from == null && to == null) {
                Optional<StoredRecord[]> change = finder.lastChange();
                if (change.isEmpty()) {
                    spec.commandLine().getErr().println("clausecam: " + service + " / " + type
                            + " has no change yet (fewer than two different versions in " + s.describe() + ")");
                    return 1;
                }
                older = change.get()[0];
                newer = change.get()[1];
            } else {
                newer = to != null ? finder.find(to) : s.latest(key).orElseThrow(
                        () -> new StoreException("no records of " + service + " / " + type + " in " + s.describe()));
                older = from != null ? finder.find(from) : finder.find(newer.record().previous() == null ? newer.id() : previousId(s, key, newer));
            }
            String a = new String(s.getBlob(older.record().version()), StandardCharsets.UTF_8);
            String b = new String(s.getBlob(newer.record().version()), StandardCharsets.UTF_8);
            String diff = TextDiff.unified(label(older), a, label(newer), b);
            java.io.PrintWriter out = spec.commandLine().getOut();
            out.print(diff.isEmpty() ? "no difference between " + older.id() + " and " + newer.id() + "\n" : diff);
            out.flush();
            return 0;
        }
    }

    private static String previousId(Store s, TermsKey key, StoredRecord newer) throws StoreException {
        for (StoredRecord r : s.history(key, newer.id(), 1)) return r.id();
        return newer.id();
    }

    private String label(StoredRecord r) {
        return service + "/" + type + ".md @ " + r.record().fetchDate() + " (" + r.id() + ")";
    }
}
