package org.clausecam.report;

/** Where the report puts a record's pages, for links from outside it (a change feed). */
public final class ReportLinks {

    private ReportLinks() {
    }

    /** The change page of a record, relative to the report's root: {@code terms/<service>/<type>/change-<id>.html}. */
    public static String changePage(String service, String termsType, String recordId) {
        return SiteNames.termsFolder(service, termsType) + "/" + SiteNames.changePage(recordId);
    }
}
