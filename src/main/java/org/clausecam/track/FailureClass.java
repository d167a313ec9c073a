package org.clausecam.track;

import org.clausecam.fetch.FetchException;

/**
 * Why a terms was not captured. Each class has the label users see in the summary and in the
 * JSON events ({@code "failure": "permanent"}); they must not change.
 */
public enum FailureClass {
    /** 5xx, 429, resets, timeouts, a host skipped by its circuit breaker: may pass next run. */
    TRANSIENT("transient"),
    /** 404, 410, refused addresses, redirect loops, answers over the size limit. */
    PERMANENT("permanent"),
    /** A bot wall or challenge page instead of the document; never recorded as a version. */
    BLOCKED("blocked"),
    /** The document arrived but holds nothing to extract. */
    INACCESSIBLE_CONTENT("inaccessible-content"),
    /** The store failed: nothing could be kept. */
    STORAGE("storage"),
    /** The browser failed, crashed or stayed busy. */
    BROWSER("browser"),
    /** The new version lost most of the previous one's text; not recorded. */
    SUSPICIOUS_VERSION("suspicious-version"),
    /** The service's declaration or filters failed. */
    DECLARATION("declaration"),
    /** The run was stopped (SIGTERM, SIGINT) before or while this terms was captured. */
    INTERRUPTED("interrupted");

    private final String label;

    FailureClass(String label) {
        this.label = label;
    }

    /** The user-visible name, e.g. {@code inaccessible-content}. */
    public String label() {
        return label;
    }

    public static FailureClass of(FetchException.Kind kind) {
        return switch (kind) {
            case TRANSIENT -> TRANSIENT;
            case PERMANENT -> PERMANENT;
            case BLOCKED -> BLOCKED;
            case INACCESSIBLE_CONTENT -> INACCESSIBLE_CONTENT;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
