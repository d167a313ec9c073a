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
 * @param changed      whether the version differs from the previous record's
 * @param previous     SHA-256 of the previous record of this terms, {@code null} for the first
 * @param declaration  SHA-256 of the declaration blob used, or {@code null} for one-off captures
 * @param agentVersion Clausecam's version
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
        String agentVersion) {

    public static final String KIND_CAPTURE = "capture";
    public static final String KIND_EMAIL = "email";

    public CaptureRecord {
        documents = List.copyOf(documents);
    }

    public boolean first() {
        return previous == null;
    }
}
