package org.clausecam.fetch;

import java.net.URI;

/** A browser fetch that waited too long for a free page; says nothing about the host. */
final class NoPageFreeException extends FetchException {
    private static final long serialVersionUID = 1L;

    NoPageFreeException(URI url, String message, Throwable cause) {
        super(url, Kind.TRANSIENT, message, cause);
    }
}
