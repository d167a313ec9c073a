package org.clausecam.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report run did.
 *
 * @param index              the report's home page
 * @param terms              terms with a timeline
 * @param records            records shown
 * @param changes            change pages
 * @param emails             e-mail evidence pages
 * @param screenshotsCopied  screenshots copied from the store in this run
 * @param screenshotsKept    screenshots already in the output folder, left as they were
 * @param visualDiffsComputed visual differences computed in this run
 * @param visualDiffsReused  visual differences already in the output folder
 * @param problems           what could not be shown, each naming the terms, record and blob; the pages say so too
 */
public record ReportSummary(Path index, int terms, int records, int changes, int emails,
                            int screenshotsCopied, int screenshotsKept, int visualDiffsComputed, int visualDiffsReused,
                            List<String> problems) {

    public ReportSummary {
        problems = List.copyOf(problems);
    }
}
