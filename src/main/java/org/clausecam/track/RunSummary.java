package org.clausecam.track;

import java.time.Duration;
import java.util.List;

/** What a tracking run did, terms by terms, in the order the terms were declared. */
public record RunSummary(List<TermsOutcome> outcomes, Duration took) {

    public RunSummary {
        outcomes = List.copyOf(outcomes);
    }

    public long count(TermsOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public List<TermsOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == TermsOutcome.Status.FAILED).toList();
    }

    /** 0 when every terms was captured, 1 when any failed. */
    public int exitCode() {
        return failures().isEmpty() ? 0 : 1;
    }
}
