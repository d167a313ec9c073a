package org.clausecam.track;

import java.util.List;

/**
 * Hears a run's progress: the progress lines and JSON events of {@code track}, and whatever else
 * follows a run (a webhook sender is one more listener). Called from worker threads, so
 * implementations must be thread-safe; a terms is started before it is finished.
 */
public interface TrackListener {

    default void runStarted(int termsCount) {
    }

    /** A worker took {@code job}: its declared URLs are what it is about to fetch. */
    default void termsStarted(TermsJob job) {
    }

    default void termsFinished(TermsOutcome outcome) {
    }

    TrackListener NONE = new TrackListener() {
    };

    /** One listener that tells each of {@code listeners} in turn, in this order. */
    static TrackListener all(List<TrackListener> listeners) {
        List<TrackListener> each = List.copyOf(listeners);
        return new TrackListener() {
            @Override
            public void runStarted(int termsCount) {
                each.forEach(l -> l.runStarted(termsCount));
            }

            @Override
            public void termsStarted(TermsJob job) {
                each.forEach(l -> l.termsStarted(job));
            }

            @Override
            public void termsFinished(TermsOutcome outcome) {
                each.forEach(l -> l.termsFinished(outcome));
            }
        };
    }
}
