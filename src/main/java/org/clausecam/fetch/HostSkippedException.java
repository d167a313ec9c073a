package org.clausecam.fetch;

import java.net.URI;

/**
 * A document that was not fetched because its host's circuit breaker is open: the host kept
 * failing, so the rest of its documents are skipped for this run rather than hammering it. It is
 * {@link Kind#TRANSIENT} because a later run may well succeed, but it is never retried within a run.
 */
public class HostSkippedException extends FetchException {
    private static final long serialVersionUID = 1L;

    private final String host;

    public HostSkippedException(URI url, String host, String why, Throwable cause) {
        super(url, Kind.TRANSIENT, "skipped because host " + host + " kept failing (" + why + ")", cause);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
