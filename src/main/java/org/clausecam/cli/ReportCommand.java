package org.clausecam.cli;

import org.clausecam.report.ReportSummary;
import org.clausecam.report.ReportWriter;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code clausecam report}: a static HTML site of the store, to browse from {@code file://} or
 * any static web server. Run it again over the same folder to bring it up to date: screenshots
 * and visual differences already there are kept.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
                "Write a static HTML report of the store: an index of services and terms,",
                "a timeline per terms, a page per change (word-level text difference,",
                "screenshots before and after, their visual difference) and per e-mail",
                "kept as evidence. Plain HTML and CSS: no script, nothing from the network.",
                "Run again over the same folder to update it; pictures already there are kept.",
                "Exit 0 when complete, 1 when something could not be shown (listed on",
                "stderr), 2 on bad usage."})
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write the report into (created if needed; open DIR/index.html).")
    Path out;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "" + ReportWriter.DEFAULT_PAGE_SIZE,
            description = "Records per timeline page (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws StoreException, IOException {
        if (pageSize < 1) throw new UsageException("--page-size must be at least 1, was " + pageSize);
        PrintWriter outWriter = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Store opened = store.openExisting()) {
            ReportSummary summary = new ReportWriter(opened, out, pageSize, "Clausecam " + AgentVersion.current()).write();
            for (String problem : summary.problems()) err.println("clausecam: report: " + problem);
            outWriter.printf("report of %s, %s, %s, %s: %s%n", count(summary.terms(), "terms", "terms"),
                    count(summary.records(), "record", "records"), count(summary.changes(), "change", "changes"),
                    count(summary.emails(), "e-mail", "e-mails"), summary.index().toUri());
            err.printf("screenshots: %d copied, %d already there; visual differences: %d computed, %d already there%s%n",
                    summary.screenshotsCopied(), summary.screenshotsKept(), summary.visualDiffsComputed(), summary.visualDiffsReused(),
                    summary.problems().isEmpty() ? "" : "; " + summary.problems().size() + " problems");
            outWriter.flush();
            err.flush();
            return summary.problems().isEmpty() ? 0 : 1;
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
