package org.clausecam.track;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** How many terms failed, per failure class ({@code transient}, {@code permanent}…), most frequent first. */
    public Map<String, Long> failuresByClass() {
        Map<String, Long> counts = new TreeMap<>();
        failures().forEach(f -> counts.merge(f.failure(), 1L, Long::sum));
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** 0 when every terms was captured, 1 when any failed. */
    public int exitCode() {
        return failures().isEmpty() ? 0 : 1;
    }
}
