package org.clausecam.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clausecam.export.ExportException;
import org.clausecam.export.WarcExport;
import org.clausecam.store.LayoutStore;
import org.clausecam.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clausecam export warc}: the captures as a WARC 1.1 file, for web archives and replay. */
@Command(name = "warc",
        mixinStandardHelpOptions = true,
        description = {
                "Write the store's page captures as one WARC 1.1 file (ISO 28500), each record gzip'ed on its own, "
                        + "as pywb, ReplayWeb.page and other web-archive tools read it.",
                "Per capture, dated at its fetch time: a request/response pair for every response the page loaded "
                        + "(kept unless track ran with --no-resources; else the main document from the snapshot), "
                        + "the full-page screenshot (urn:fullPage:URL, image/png), the settled DOM of a rendered page "
                        + "(urn:dom:URL) and the Markdown version (urn:markdown:URL, text/markdown), "
                        + "with SHA-256 block and payload digests. A response whose payload is already in the file "
                        + "(an unchanged page, a shared stylesheet) is a revisit record referring to it.",
                "Example: clausecam export warc --store file:./data --out captures.warc.gz --services Claude.ai --since 2026-01-01"})
public final class ExportWarcCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Mixin
    ExportChoice choice;

    @Option(names = "--out", required = true, paramLabel = "FILE.warc.gz", description = "The WARC file to write (replaced if there).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws StoreException, ExportException {
        if (java.nio.file.Files.isDirectory(out)) {
            throw new UsageException("--out " + UserText.printable(out.toString()) + " is a folder; name the file to write (e.g. " + out.resolve("captures.warc.gz") + ")");
        }
        try (LayoutStore opened = store.openExisting()) {
            StoredTerms.requireServices(opened, choice.services);
            WarcExport.Written written = new WarcExport(opened, "Clausecam " + AgentVersion.current()).write(choice.selection(), out);
            spec.commandLine().getOut().printf("wrote %s: %d captures, %d pages, %d replayable records%n",
                    UserText.printable(out.toString()), written.captures(), written.pages().size(), written.index().size());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
