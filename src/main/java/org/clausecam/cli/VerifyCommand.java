package org.clausecam.cli;

import org.clausecam.store.BlobRepair;
import org.clausecam.store.Finding;
import org.clausecam.store.LayoutStore;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoreUriException;
import org.clausecam.store.StoreVerifier;
import org.clausecam.store.Stores;
import org.clausecam.store.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code clausecam verify}: proves the whole store, or lists what is wrong and exits 1. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
                "Check the whole store: every record parses, every blob it names exists and hashes to its name, "
                        + "every terms' records form an unbroken hash chain and its head points at the newest record.",
                "Exit 0 when consistent, 1 with the list of inconsistencies otherwise. Debris of interrupted runs "
                        + "(orphan blobs, temporary files, heads left behind) is reported as harmless; --prune removes it."})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--store", paramLabel = "URI", defaultValue = "${env:CLAUSECAM_STORE:-file:./data}",
            description = "The store to check: file:PATH or s3://BUCKET/PREFIX. Default: $CLAUSECAM_STORE, else file:./data.")
    String store;

    @Option(names = "--prune", description = "Remove orphan blobs and temporary files older than --prune-grace, "
            + "and rewrite heads left behind by a crash. Refused while the store has inconsistencies.")
    boolean prune;

    @Option(names = "--prune-grace", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "Keep debris younger than this (ISO-8601, default ${DEFAULT-VALUE}): it may belong to a run in progress.")
    Duration pruneGrace;

    @Option(names = "--repair", description = "Bring back lost or damaged blobs without rewriting any record: damaged bytes are "
            + "moved aside to damaged/sha256/, then missing blobs are copied from --repair-from when it has them; "
            + "a blob still missing is stored again by the next capture of the same content.")
    boolean repair;

    @Option(names = "--repair-from", paramLabel = "URI", description = "A replica to restore lost blobs from (e.g. a store-copy target).")
    String repairFrom;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws StoreException {
        PrintWriter out = spec.commandLine().getOut();
        try (LayoutStore s = openExisting(store)) {
            StoreVerifier verifier = new StoreVerifier(s);
            VerificationReport report = verifier.verify();
            if (repair) {
                List<String> actions = repair(s, report);
                actions.forEach(a -> out.println("repair: " + a));
                if (!actions.isEmpty()) report = verifier.verify();
            }
            out.printf("verify %s: %d terms, %d records, %d blobs%n", report.store(), report.terms(), report.records(), report.blobs());
            for (Finding f : report.inconsistencies()) out.printf("inconsistent %s %s%n", name(f), f);
            for (Finding f : report.harmless()) out.printf("harmless %s %s%n", name(f), f);
            if (prune) {
                if (!report.consistent()) {
                    out.println("not pruning: the store has inconsistencies, and debris may be the evidence of what happened");
                } else {
                    for (String action : verifier.prune(report, pruneGrace)) out.println("pruned: " + action);
                }
            }
            out.println(verdict(report));
            out.flush();
            return report.consistent() ? 0 : 1;
        }
    }

    private List<String> repair(LayoutStore s, VerificationReport report) throws StoreException {
        if (repairFrom == null) return new BlobRepair(s).repair(report, null);
        try (LayoutStore replica = openExisting(repairFrom)) {
            return new BlobRepair(s).repair(report, replica);
        }
    }

    /** A store that must exist: "no store at …" (exit 3) for a mistyped path or prefix, never an empty "consistent". */
    static LayoutStore openExisting(String uri) throws StoreException {
        try {
            return Stores.openExisting(uri);
        } catch (StoreUriException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static String name(Finding f) {
        return f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private String verdict(VerificationReport report) {
        List<Finding> bad = report.inconsistencies();
        int harmless = report.harmless().size();
        String tail = harmless == 0 ? "" : ", " + harmless + " harmless finding" + (harmless == 1 ? "" : "s")
                + (prune ? "" : " (--prune removes debris)");
        return bad.isEmpty()
                ? "consistent" + tail
                : bad.size() + " inconsistenc" + (bad.size() == 1 ? "y" : "ies") + tail;
    }
}
