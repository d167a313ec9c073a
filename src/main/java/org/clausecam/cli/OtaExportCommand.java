package org.clausecam.cli;

import org.clausecam.export.ExportException;
import org.clausecam.export.OtaExport;
import org.clausecam.export.OtaExportSummary;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code clausecam export ota}: the store as Open Terms Archive's snapshots and versions git repositories. */
@Command(name = "ota",
        mixinStandardHelpOptions = true,
        description = {
                "Write the store's histories as Open Terms Archive's snapshots and versions git repositories.",
                "OUT/snapshots holds <Service>/<Terms type>.html|pdf, or <Service>/<Terms type> #<document id>.<ext> for "
                        + "terms combined from several documents; OUT/versions holds <Service>/<Terms type>.md. One commit per "
                        + "new snapshot or version, in date order across all terms, dated at the fetch date, with the engine's "
                        + "messages: \"First record of …\", \"Record new changes of …\", \"Apply technical or declaration "
                        + "upgrade on …\".",
                "Run it again to append only what is new: each commit names its record (trailer X-clausecam-record). "
                        + "E-mail evidence is not exported. Needs git on PATH.",
                "Exit 0 when done, 1 when git failed, 2 on bad usage, 3 when the store is unavailable."},
        footer = {"", "Examples:",
                "  clausecam export ota --store file:./data --out ota",
                "  clausecam export ota --out ota --services Claude.ai \\",
                "      --snapshot-url 'https://github.com/ORG/NAME-snapshots/commit/%%SNAPSHOT_ID'",
                "", "Layout, messages and what differs from Open Terms Archive's own repositories: docs/export.md."})
final class OtaExportCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder of the two repositories (DIR/snapshots and DIR/versions; created, or appended to).")
    Path out;

    @Option(names = "--services", paramLabel = "SERVICE", split = ",", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = "--types", paramLabel = "TYPE", split = ",", description = "Only these terms types.")
    List<String> types = new ArrayList<>();

    @Option(names = "--snapshot-url", paramLabel = "TEMPLATE", defaultValue = OtaExport.DEFAULT_SNAPSHOT_TEMPLATE,
            description = "How version commits name their snapshots; %%SNAPSHOT_ID becomes the snapshot commit "
                    + "(default ${DEFAULT-VALUE}, Open Terms Archive's own default).")
    String snapshotTemplate;

    @Option(names = "--author", paramLabel = "'NAME <EMAIL>'", defaultValue = OtaExport.DEFAULT_AUTHOR,
            description = "Author and committer of every commit (default ${DEFAULT-VALUE}).")
    String author;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws StoreException, ExportException {
        OtaExport.Options options;
        try {
            options = new OtaExport.Options(Set.copyOf(services), Set.copyOf(types), snapshotTemplate, author);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        try (Store opened = store.openExisting()) {
            StoredTerms.requireServices(opened, services);
            StoredTerms.requireTypes(opened, types);
            OtaExportSummary summary = new OtaExport(opened, out, options).export();
            spec.commandLine().getOut().printf("exported %d terms to %s: %d records read, %d snapshot commits, %d version commits"
                            + "%s%n", summary.terms(), out.toAbsolutePath(), summary.recordsRead(), summary.snapshotCommits(),
                    summary.versionCommits(), summary.emailsSkipped() == 0 ? ""
                            : " (" + summary.emailsSkipped() + " e-mail records skipped: not Open Terms Archive terms)");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
