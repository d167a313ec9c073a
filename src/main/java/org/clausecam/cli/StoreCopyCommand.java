package org.clausecam.cli;

import org.clausecam.store.LayoutStore;
import org.clausecam.store.StoreCopier;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoreUriException;
import org.clausecam.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code clausecam store-copy}: moves a history between stores, e.g. from the embedded default to a bucket. */
@Command(name = "store-copy",
        mixinStandardHelpOptions = true,
        description = {
                "Copy every blob, record and head of one store into another (file: to s3:// or back), "
                        + "blobs first, then each history in chain order, then heads: the target is consistent at every instant.",
                "Records are copied byte for byte, so hashes and chains survive. Running it again copies only what is new; "
                        + "a target with a different history of the same terms is refused, never overwritten."})
public final class StoreCopyCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "URI", description = "source store: file:PATH or s3://BUCKET/PREFIX")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URI", description = "target store: file:PATH or s3://BUCKET/PREFIX")
    String to;

    @Spec
    CommandSpec spec;

    /** The target may be new (a fresh bucket prefix is the usual one); it is checked writable before anything is copied. */
    private static LayoutStore openTarget(String uri) throws StoreException {
        try {
            return Stores.openForWriting(uri, true).store();
        } catch (StoreUriException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws StoreException {
        try (LayoutStore source = VerifyCommand.openExisting(from); LayoutStore target = openTarget(to)) {
            if (source.describe().equals(target.describe())) {
                throw new UsageException("--from and --to name the same store: " + source.describe());
            }
            StoreCopier.Result r = new StoreCopier(source, target).copy();
            spec.commandLine().getOut().printf(
                    "copied %s to %s: %d blobs (%d already there), %d records (%d already there), %d heads, %d bytes written%n",
                    source.describe(), target.describe(), r.blobsCopied(), r.blobsPresent(), r.recordsCopied(),
                    r.recordsPresent(), r.headsWritten(), r.bytesWritten());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
