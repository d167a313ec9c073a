package org.clausecam.store;

/**
 * A blob that is not in the store or whose bytes no longer hash to its name: the store answered,
 * but this content is lost. Unlike an outage, it concerns this one blob only, so a reader that can
 * do without it (the shrink check of the next capture) goes on.
 */
public class UnreadableBlobException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final String sha256;
    private final boolean corrupt;

    public UnreadableBlobException(String message, String sha256, boolean corrupt) {
        super(message);
        this.sha256 = sha256;
        this.corrupt = corrupt;
    }

    /** The hash the blob was asked for by. */
    public String sha256() {
        return sha256;
    }

    /** True when the blob is there but altered; false when it is missing. */
    public boolean corrupt() {
        return corrupt;
    }
}
