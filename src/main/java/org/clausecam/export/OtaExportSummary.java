package org.clausecam.export;

/**
 * What an export to Open Terms Archive repositories did.
 *
 * @param terms           terms looked at
 * @param newRecords      records not exported before (page captures and e-mails)
 * @param snapshotCommits commits added to the snapshots repository
 * @param versionCommits  commits added to the versions repository
 * @param emailsSkipped   e-mail evidence records among the new ones: not Open Terms Archive terms
 */
public record OtaExportSummary(int terms, int newRecords, int snapshotCommits, int versionCommits, int emailsSkipped) {
}
