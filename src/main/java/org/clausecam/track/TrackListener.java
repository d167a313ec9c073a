package org.clausecam.track;

import org.clausecam.store.TermsKey;

/** Hears a run's progress; called from worker threads, so implementations must be thread-safe. */
public interface TrackListener {

    default void runStarted(int termsCount) {
    }

    default void termsStarted(TermsKey terms) {
    }

    default void termsFinished(TermsOutcome outcome) {
    }

    TrackListener NONE = new TrackListener() {
    };
}
