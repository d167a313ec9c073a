package org.clausecam.store;

import java.nio.file.Path;

/** Opens a store from the URI users give with {@code --store}. */
public final class Stores {

    /** The embedded default: a directory next to where the agent runs. */
    public static final String DEFAULT_URI = "file:./data";

    private Stores() {
    }

    /**
     * {@code file:PATH} (relative or absolute, {@code file:///abs} also accepted) or
     * {@code s3://BUCKET/PREFIX[?endpoint=URL&region=R&pathStyle=true|false&maxAttempts=N]};
     * anything else is refused with a message saying what is accepted.
     */
    public static LayoutStore open(String uri) throws StoreException {
        if (uri == null || uri.isBlank()) throw new StoreUriException("store URI is empty; use file:PATH or s3://BUCKET/PREFIX");
        if (uri.startsWith("file:")) {
            String path = uri.substring("file:".length());
            if (path.startsWith("//")) {
                // file:///abs/path; a host part (file://host/…) is not a local path.
                if (!path.startsWith("///")) throw new StoreUriException("store URI " + uri + " names a host; use file:PATH or file:///ABSOLUTE/PATH");
                path = path.substring(2);
            }
            if (path.isEmpty()) throw new StoreUriException("store URI " + uri + " has no path; use file:PATH, e.g. " + DEFAULT_URI);
            return new FileStore(Path.of(path));
        }
        if (uri.startsWith("s3://")) {
            return S3Store.open(S3Location.parse(uri));
        }
        throw new StoreUriException("unsupported store URI \"" + safe(uri) + "\": use file:PATH (e.g. " + DEFAULT_URI
                + ") or s3://BUCKET/PREFIX");
    }

    /** A store that must already exist, for commands that read it: a {@link NoStoreException} otherwise. */
    public static LayoutStore openExisting(String uri) throws StoreException {
        LayoutStore store = open(uri);
        try {
            store.requireStore();
            return store;
        } catch (StoreException e) {
            store.close();
            throw e;
        }
    }

    /**
     * A store to write to, checked writable before any work is done. When nothing is at the URI a
     * new store is created if {@code create}, else a {@link NoStoreException} is thrown (for
     * scheduled jobs: an unmounted volume or a mistyped prefix must not start a new history).
     */
    public static OpenedStore openForWriting(String uri, boolean create) throws StoreException {
        LayoutStore store = open(uri);
        try {
            return prepareForWriting(store, create);
        } catch (StoreException e) {
            store.close();
            throw e;
        }
    }

    /** {@link #openForWriting(String, boolean)} for a store already opened; it stays open either way. */
    public static OpenedStore prepareForWriting(LayoutStore store, boolean create) throws StoreException {
        boolean existed = store.holdsStore();
        if (!existed && !create) {
            throw new NoStoreException("no store at " + store.describe() + " and --no-create-store (or CLAUSECAM_NO_CREATE_STORE=true) was given: "
                    + "is the volume mounted and the path or prefix right? (to start a new store there, run once without --no-create-store)");
        }
        store.requireWritable();
        return new OpenedStore(store, !existed);
    }

    /**
     * The URI as it may be shown in messages: user-info parts and the query (which may hold an
     * endpoint URL with credentials in it) are dropped, so that a mistyped secret is never echoed.
     */
    static String safe(String uri) {
        String shown = uri;
        int q = shown.indexOf('?');
        if (q >= 0) shown = shown.substring(0, q) + "?…";
        return shown.replaceAll("//[^/@]*@", "//…@");
    }
}
