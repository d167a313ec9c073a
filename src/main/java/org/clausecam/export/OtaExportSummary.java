package org.clausecam.export;

/**
 * What an export to Open Terms Archive repositories did.
 *
 * @param terms           terms looked at
 * @param recordsRead     records after the newest one already exported (page captures and e-mails); unchanged
 *                        captures after it made no commit, so each run reads them again
 * @param snapshotCommits commits added to the snapshots repository
 * @param versionCommits  commits added to the versions repository
 * @param emailsSkipped   e-mail evidence records among the new ones: not Open Terms Archive terms
 */
public record OtaExportSummary(int terms, int recordsRead, int snapshotCommits, int versionCommits, int emailsSkipped) {
}
