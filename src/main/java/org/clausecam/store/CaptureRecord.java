package org.clausecam.store;

import java.time.Instant;
import java.util.List;

/**
 * One immutable record per capture of a terms. Records of the same terms form a hash chain:
 * {@code previous} is the SHA-256 of the previous record's stored bytes.
 *
 * @param service      service id
 * @param termsType    terms type
 * @param fetchDate    when the capture was made (for e-mail evidence: the e-mail's Date)
 * @param kind         {@code capture} for a page capture, {@code email} for e-mail evidence
 * @param documents    one entry per source document, in declaration order
 * @param version      SHA-256 of the Markdown version blob
 * @param changed      whether the terms changed: the version differs from the previous capture's, and
 *                     not only because of how it was fetched or extracted (see {@code change})
 * @param previous     SHA-256 of the previous record of this terms, {@code null} for the first
 * @param declaration  SHA-256 of the declaration blob used, or {@code null} for one-off captures
 * @param agentVersion Clausecam's version
 * @param change       {@link #CHANGE_TECHNICAL} when the version differs from the previous capture's
 *                     only because of how the page was fetched or extracted (another fetcher, the
 *                     same snapshot extracted anew); null otherwise
 * @param changeReason why the change is technical, e.g. "fetcher changed: http → browser"; null otherwise
 */
public record CaptureRecord(
        String service,
        String termsType,
        Instant fetchDate,
        String kind,
        List<DocumentCapture> documents,
        String version,
        boolean changed,
        String previous,
        String declaration,
        String agentVersion,
        String change,
        String changeReason) {

    public static final String KIND_CAPTURE = "capture";
    public static final String KIND_EMAIL = "email";
    /** A new version that is not a change of the terms (Open Terms Archive's "technical upgrade"). */
    public static final String CHANGE_TECHNICAL = "technical";

    public CaptureRecord {
        documents = List.copyOf(documents);
    }

    /** A record without a technical change. */
    public CaptureRecord(String service, String termsType, Instant fetchDate, String kind, List<DocumentCapture> documents,
                         String version, boolean changed, String previous, String declaration, String agentVersion) {
        this(service, termsType, fetchDate, kind, documents, version, changed, previous, declaration, agentVersion, null, null);
    }

    /** Whether the version is new only because of how the page was fetched or extracted. */
    public boolean technical() {
        return CHANGE_TECHNICAL.equals(change);
    }

    public boolean first() {
        return previous == null;
    }
}
