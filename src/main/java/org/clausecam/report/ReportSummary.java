package org.clausecam.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report run did.
 *
 * @param index               the report's home page
 * @param terms               terms with a timeline
 * @param records             records shown
 * @param changes             change pages
 * @param emails              e-mail evidence pages
 * @param evidenceCopied      blobs (versions, snapshots, e-mail sources, PNG screenshots) copied from the store in this run
 * @param previewsWritten     preview tiles and crops made in this run
 * @param visualDiffsComputed visual differences computed in this run
 * @param visualDiffsReused   visual differences already in the output folder
 * @param pagesSkipped        record, change and e-mail pages left as they were, their inputs unchanged
 * @param filesWritten        files created or replaced in this run, of every kind
 * @param problems            what could not be shown, each naming the terms, record and blob; the pages say so too
 */
public record ReportSummary(Path index, int terms, int records, int changes, int emails,
                            int evidenceCopied, int previewsWritten, int visualDiffsComputed, int visualDiffsReused,
                            int pagesSkipped, int filesWritten, List<String> problems) {

    public ReportSummary {
        problems = List.copyOf(problems);
    }
}
