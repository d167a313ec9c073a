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

import org.clausecam.diff.VisualDiff;
import org.clausecam.diff.VisualDiffResult;
import org.clausecam.store.DocumentCapture;

import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changed in one terms between two records, as a unified text diff.",
                "Default: the last change. --from/--to take a record id (see history) or a date: "
                        + "the latest page capture at or before it (e-mail evidence is passed over)."},
        footer = {"", "Examples:", "  clausecam diff Claude.ai \"Privacy Policy\"",
                "  clausecam diff Claude.ai \"Privacy Policy\" --from 2026-08-01 --to 2026-10-01"})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SERVICE", description = "Service id (declaration file name without .json).")
    String service;

    @Parameters(index = "1", paramLabel = "TYPE", description = "Terms type, e.g. \"Privacy Policy\".")
    String type;

    @Mixin
    StoreOption store;

    @Option(names = "--from", paramLabel = "RECORD|DATE", description = "The older record (default: the page capture before the last change; with only --to: the page capture before it).")
    String from;

    @Option(names = "--to", paramLabel = "RECORD|DATE", description = "The newer record (default: the last change; with only --from: the latest page capture).")
    String to;

    @Option(names = "--visual", paramLabel = "FILE.png",
            description = "Also compare the two records' screenshots: write the newer one with the changed regions "
                    + "painted over it, and print the share of changed pixels and the regions.")
    Path visual;

    @Option(names = "--document", paramLabel = "N", defaultValue = "1",
            description = "For combined terms, which source document's screenshots --visual compares (default ${DEFAULT-VALUE}).")
    int document;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TermsKey key = new TermsKey(service, type);
        try (Store s = store.openExisting()) {
            RecordFinder finder = new RecordFinder(s, key);
            StoredRecord older;
            StoredRecord newer;
            if (s.latest(key).isEmpty()) {
                spec.commandLine().getErr().println("clausecam: no records of " + UserText.printable(service + " / " + type)
                        + " in " + s.describe());
                return 1;
            }
            if (from == null && to == null) {
                Optional<StoredRecord[]> change = finder.lastChange();
                if (change.isEmpty()) {
                    spec.commandLine().getErr().println("clausecam: " + UserText.printable(service + " / " + type)
                            + " has no change yet (fewer than two different versions in " + s.describe() + ")");
                    return 1;
                }
                older = change.get()[0];
                newer = change.get()[1];
            } else {
                newer = to != null ? find(finder, "--to", to) : finder.latestCapture().orElseThrow(
                        () -> new StoreException("no page capture of " + service + " / " + type + " in " + s.describe()));
                older = from != null ? find(finder, "--from", from) : finder.captureBefore(newer).orElse(newer);
            }
            String a = new String(s.getBlob(older.record().version()), StandardCharsets.UTF_8);
            String b = new String(s.getBlob(newer.record().version()), StandardCharsets.UTF_8);
            String diff = TextDiff.unified(label(older), a, label(newer), b);
            java.io.PrintWriter out = spec.commandLine().getOut();
            out.print(diff.isEmpty() ? "no difference between " + older.id() + " and " + newer.id() + "\n" : diff);
            if (newer.record().technical()) {
                out.println("note: record " + newer.id() + " is a technical change, not a change of the terms: "
                        + UserText.printable(newer.record().changeReason()));
            }
            if (visual != null) visualDiff(s, older, newer, out);
            out.flush();
            return 0;
        }
    }

    /** A record named by --from/--to; a value that is neither a record id nor a date is bad usage (exit 2). */
    private static StoredRecord find(RecordFinder finder, String option, String reference) throws StoreException {
        try {
            return finder.find(reference);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + e.getMessage(), e);
        }
    }

    private void visualDiff(Store s, StoredRecord older, StoredRecord newer, java.io.PrintWriter out) throws Exception {
        String a = screenshotOf(older);
        String b = screenshotOf(newer);
        Path dir = Files.createTempDirectory("clausecam-visual");
        try {
            Path olderPng = Files.write(dir.resolve("older.png"), s.getBlob(a));
            Path newerPng = Files.write(dir.resolve("newer.png"), s.getBlob(b));
            VisualDiffResult result = new VisualDiff().compare(olderPng, newerPng, visual);
            out.printf(Locale.ROOT, "visual: %.4f%% of %d x %d px changed in %d regions; picture: %s%n",
                    result.changedShare() * 100, result.width(), result.height(), result.regions().size(), visual);
            for (Rectangle r : result.regions()) out.printf("  region x=%d y=%d w=%d h=%d%n", r.x, r.y, r.width, r.height);
        } finally {
            for (String f : new String[] {"older.png", "newer.png"}) Files.deleteIfExists(dir.resolve(f));
            Files.deleteIfExists(dir);
        }
    }

    private String screenshotOf(StoredRecord r) {
        List<DocumentCapture> docs = r.record().documents();
        if (document < 1 || document > docs.size()) {
            throw new UsageException("--document " + document + ": record " + r.id() + " has " + docs.size() + " source document(s)");
        }
        String sha = docs.get(document - 1).screenshot();
        if (sha == null) throw new UsageException("record " + r.id() + " has no screenshot (captured with --no-screenshots, or a PDF)");
        return sha;
    }

    private String label(StoredRecord r) {
        return service + "/" + type + ".md @ " + r.record().fetchDate() + " (" + r.id() + ")";
    }
}
