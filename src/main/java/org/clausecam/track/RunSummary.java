package org.clausecam.track;

import java.time.Duration;
import java.util.Comparator;
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

    /** How many terms failed, per failure class, most frequent first (then by label). */
    public Map<FailureClass, Long> failuresByClass() {
        Map<FailureClass, Long> counts = new TreeMap<>(Comparator.comparing(FailureClass::label));
        failures().forEach(f -> counts.merge(f.failure(), 1L, Long::sum));
        Map<FailureClass, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<FailureClass, Long>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** Whether any terms failed with this class. */
    public boolean any(FailureClass failure) {
        return failures().stream().anyMatch(f -> f.failure() == failure);
    }
}
