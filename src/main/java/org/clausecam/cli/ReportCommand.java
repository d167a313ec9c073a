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
 * any static web server. Run it again over the same folder to bring it up to date: only new
 * pages and pictures are written.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
                "Write a static HTML report of the store, to open from disk or any static host.",
                "  index.html      services and terms; every change, e-mail and terms in a",
                "                  list with search (changed words too) and filters",
                "  terms/S/T/      a timeline per terms; record-ID.html per record (its hash",
                "                  for citation, the Markdown version, snapshot, e-mail source);",
                "                  change-ID.html per change: crops of the screenshots before,",
                "                  after and their difference where the page changed, however",
                "                  far down, each linked to its text change; the word diff;",
                "                  both screenshots whole as lazily loaded tiles",
                "Pictures are light previews (small PNGs); --png-evidence adds the full screenshots.",
                "Run again over the same folder to update it: pages whose records did not",
                "change and pictures already made are not written again.",
                "Nothing is fetched from the network; one small script adds search.",
                "Exit 0 when complete, 1 when something could not be shown (listed on",
                "stderr), 2 on bad usage.",
                "",
                "Example: clausecam report --store file:./data --out report/ && xdg-open report/index.html"})
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write the report into (created if needed; open DIR/index.html).")
    Path out;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "" + ReportWriter.DEFAULT_PAGE_SIZE,
            description = "Records per timeline page (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--png-evidence",
            description = "Also copy each full-size PNG screenshot into the report (evidence/<sha256>.png), "
                    + "linked from its record. Tall pages weigh tens of MB each; without it the report holds small previews "
                    + "and names each PNG by its hash in the store.")
    boolean pngEvidence;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws StoreException, IOException {
        if (pageSize < 1) throw new UsageException("--page-size must be at least 1, was " + pageSize);
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file; the report needs a folder");
        }
        PrintWriter outWriter = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Store opened = store.openExisting()) {
            ReportSummary summary = new ReportWriter(opened, out, pageSize, "Clausecam " + AgentVersion.current(), pngEvidence).write();
            for (String problem : summary.problems()) err.println("clausecam: report: " + problem);
            outWriter.printf("report of %s, %s, %s, %s: %s%n", count(summary.terms(), "terms", "terms"),
                    count(summary.records(), "record", "records"), count(summary.changes(), "change", "changes"),
                    count(summary.emails(), "e-mail", "e-mails"), summary.index().toUri());
            err.printf("files written: %d; pages unchanged: %d; evidence copied: %d; previews made: %d; "
                            + "visual differences: %d computed, %d already there%s%n",
                    summary.filesWritten(), summary.pagesSkipped(), summary.evidenceCopied(), summary.previewsWritten(),
                    summary.visualDiffsComputed(), summary.visualDiffsReused(),
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
