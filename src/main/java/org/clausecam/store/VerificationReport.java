package org.clausecam.store;

import java.util.List;

/**
 * What {@link StoreVerifier#verify()} found.
 *
 * @param store    the store's description (no credentials)
 * @param terms    terms with at least one record
 * @param records  records read
 * @param blobs    blobs in the store
 * @param findings every finding, inconsistencies and harmless ones, in the order found
 */
public record VerificationReport(String store, int terms, int records, int blobs, List<Finding> findings) {

    public VerificationReport {
        findings = List.copyOf(findings);
    }

    /** The findings that mean a capture was lost or altered, or a history broken. */
    public List<Finding> inconsistencies() {
        return findings.stream().filter(f -> !f.kind().harmless()).toList();
    }

    public List<Finding> harmless() {
        return findings.stream().filter(f -> f.kind().harmless()).toList();
    }

    /** True when there is no inconsistency (harmless findings allowed). */
    public boolean consistent() {
        return inconsistencies().isEmpty();
    }
}
