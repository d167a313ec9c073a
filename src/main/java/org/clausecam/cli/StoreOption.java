package org.clausecam.cli;

import org.clausecam.store.LayoutStore;
import org.clausecam.store.OpenedStore;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoreUriException;
import org.clausecam.store.Stores;
import picocli.CommandLine.Option;

/** The {@code --store} option shared by every command that reads or writes the store. */
final class StoreOption {

    @Option(names = "--store", paramLabel = "URI", defaultValue = "${env:CLAUSECAM_STORE:-file:./data}",
            description = "Where records and blobs live: file:PATH or s3://BUCKET/PREFIX "
                    + "(AWS_ENDPOINT_URL, AWS_REGION and the default credentials chain apply). "
                    + "Default: $CLAUSECAM_STORE, else ${DEFAULT-VALUE}.")
    String uri;

    @Option(names = "--no-create-store", negatable = false,
            description = "Fail with exit 3 when no store is at --store instead of creating a new one (for scheduled "
                    + "jobs: an unmounted volume or a mistyped prefix). Also CLAUSECAM_NO_CREATE_STORE=true. Only track, "
                    + "capture and capture-email create a store; the other commands always need one there.",
            defaultValue = "${env:CLAUSECAM_NO_CREATE_STORE:-false}")
    boolean noCreateStore;

    private volatile String created;

    /**
     * The store for a command that records: created on first use unless {@code --no-create-store},
     * and checked writable before any work. Whether it was created is then told by {@link #created()}.
     */
    LayoutStore open() throws StoreException {
        OpenedStore opened = checkedUri(() -> Stores.openForWriting(uri, !noCreateStore));
        if (opened.created()) created = opened.store().describe();
        return opened.store();
    }

    /** The store for a command that only reads it: it must exist ("no store at …", exit 3). */
    LayoutStore openExisting() throws StoreException {
        return checkedUri(() -> Stores.openExisting(uri));
    }

    /** The store {@link #open()} created, to be announced as the run's first line; null when it was already there. */
    String created() {
        return created;
    }

    /** For commands without a run report: says first that {@link #open()} created the store. */
    void sayIfCreated(java.io.PrintWriter out) {
        if (created != null) out.println("created a new store at " + UserText.printable(created));
    }

    private interface Opening<T> {
        T open() throws StoreException;
    }

    /** A URI that names no store this program can open is bad usage (exit 2), not a storage failure. */
    private static <T> T checkedUri(Opening<T> opening) throws StoreException {
        try {
            return opening.open();
        } catch (StoreUriException | IllegalArgumentException e) {
            throw new UsageException("cannot open the store: " + e.getMessage(), e);
        }
    }
}
