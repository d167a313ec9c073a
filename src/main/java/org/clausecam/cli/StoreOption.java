package org.clausecam.cli;

import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.Stores;
import picocli.CommandLine.Option;

/** The {@code --store} option shared by every command that reads or writes the store. */
final class StoreOption {

    @Option(names = "--store", paramLabel = "URI", defaultValue = "${env:CLAUSECAM_STORE:-file:./data}",
            description = "Where records and blobs live: file:PATH or s3://BUCKET/PREFIX "
                    + "(AWS_ENDPOINT_URL, AWS_REGION and the default credentials chain apply). "
                    + "Default: $CLAUSECAM_STORE, else ${DEFAULT-VALUE}.")
    String uri;

    Store open() {
        try {
            return Stores.open(uri);
        } catch (StoreException | IllegalArgumentException e) {
            throw new UsageException("cannot open the store: " + e.getMessage(), e);
        }
    }
}
