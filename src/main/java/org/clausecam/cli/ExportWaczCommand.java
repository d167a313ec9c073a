package org.clausecam.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clausecam.export.ExportException;
import org.clausecam.export.WaczExport;
import org.clausecam.store.LayoutStore;
import org.clausecam.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clausecam export wacz}: the captures as a WACZ 1.1 package, which ReplayWeb.page opens as it is. */
@Command(name = "wacz",
        mixinStandardHelpOptions = true,
        description = {
                "Write the store's page captures as one WACZ 1.1.1 package: the WARC of `export warc` "
                        + "(archive/data.warc.gz), its CDXJ index sorted by SURT (indexes/index.cdxj), the pages "
                        + "(pages/pages.jsonl: URL, capture time, service and terms type) and datapackage.json "
                        + "with each file's SHA-256 and size.",
                "Open it in ReplayWeb.page (replayweb.page, or its npm package served locally) to browse the pages as captured.",
                "Example: clausecam export wacz --store file:./data --out captures.wacz"})
public final class ExportWaczCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Mixin
    ExportChoice choice;

    @Option(names = "--out", required = true, paramLabel = "FILE.wacz", description = "The package to write (replaced if there).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws StoreException, ExportException {
        if (java.nio.file.Files.isDirectory(out)) {
            throw new UsageException("--out " + UserText.printable(out.toString()) + " is a folder; name the file to write (e.g. " + out.resolve("captures.wacz") + ")");
        }
        try (LayoutStore opened = store.openExisting()) {
            StoredTerms.requireServices(opened, choice.services);
            WaczExport.Written written = new WaczExport(opened, "Clausecam " + AgentVersion.current()).write(choice.selection(), out);
            spec.commandLine().getOut().printf("wrote %s: %d captures, %d pages%n",
                    UserText.printable(out.toString()), written.captures(), written.pages());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
