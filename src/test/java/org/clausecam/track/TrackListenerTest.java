package org.clausecam.track;

import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Several listeners follow one run: the progress lines and, say, a webhook sender. */
@Tag("unit")
class TrackListenerTest {

    @Test
    void allTellsEachListenerEveryEventInTheGivenOrder() {
        List<String> heard = new ArrayList<>();
        TermsJob job = new TermsJob(new Terms("Example", "Terms of Service",
                List.of(new SourceDocument(null, URI.create("http://example.com/tos"), List.of(), List.of(), List.of(), null)), false));
        TrackListener both = TrackListener.all(List.of(recording("progress", heard), recording("webhook", heard)));

        both.runStarted(1);
        both.termsStarted(job);
        both.termsFinished(new TermsOutcome(job.key(), TermsOutcome.Status.UNCHANGED, "r1", null, null, Duration.ofSeconds(1)));

        assertEquals(List.of("progress run 1", "webhook run 1",
                "progress started Example http://example.com/tos", "webhook started Example http://example.com/tos",
                "progress finished Example unchanged", "webhook finished Example unchanged"), heard);
    }

    private static TrackListener recording(String name, List<String> heard) {
        return new TrackListener() {
            @Override
            public void runStarted(int termsCount) {
                heard.add(name + " run " + termsCount);
            }

            @Override
            public void termsStarted(TermsJob job) {
                heard.add(name + " started " + job.key().service() + " " + job.terms().sourceDocuments().get(0).location());
            }

            @Override
            public void termsFinished(TermsOutcome outcome) {
                heard.add(name + " finished " + outcome.terms().service() + " " + outcome.status().name().toLowerCase(java.util.Locale.ROOT));
            }
        };
    }
}
