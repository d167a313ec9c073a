package org.clausecam.capture;

/**
 * A page that received more bytes than its budget: its loading was stopped there and the page
 * taken as it was.
 *
 * @param what            what went over: "the page" (all its responses together) or "the
 *                        documents of its frames"
 * @param limitBytes      its budget
 * @param receivedBytes   what it had received when counting stopped (a little past the budget:
 *                        the bytes already on their way when loading was stopped)
 * @param requestsAborted requests cancelled or blocked after the budget ran out
 */
public record BudgetOverrun(String what, long limitBytes, long receivedBytes, int requestsAborted) {

    /** The line for the record's notes, without the URL. */
    public String note() {
        return what + " exceeded " + Watchdog.mebibytes(limitBytes) + " MiB (" + Watchdog.mebibytes(receivedBytes)
                + " MiB received); loading was stopped and " + requestsAborted
                + (requestsAborted == 1 ? " request" : " requests") + " aborted; the page was taken as it was";
    }
}
