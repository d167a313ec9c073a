package org.clausecam.extract;

import java.util.Optional;

/**
 * The Open Terms Archive engine whose versions an extraction reproduces, where the runtime it ran
 * on shows in the output. One rule: engines before 14.0.0 ran in production on Node 22 or older,
 * where {@code new URLSearchParams(null)} is empty; later ones on Node 24, which reads it as
 * {@code "null"}, as browsers do (a declared filter that passes {@code null} gives different
 * links). Engine versions are the {@code X-engine-version} trailers of a versions repository's
 * commits.
 *
 * @param version the engine version ("11.0.2"); empty for today's engine
 */
public record RecordingEngine(Optional<String> version) {

    private static final int FIRST_ON_NODE_24 = 14;

    /** Today's engine: what {@code track} records with. */
    public static RecordingEngine current() {
        return new RecordingEngine(Optional.empty());
    }

    /**
     * @throws IllegalArgumentException when the version does not start with a major number
     */
    public static RecordingEngine of(String version) {
        major(version);
        return new RecordingEngine(Optional.of(version));
    }

    /** Whether declared filters must see Node 22's {@code URLSearchParams(null)}. */
    public boolean ranOnNode22() {
        return version.map(v -> major(v) < FIRST_ON_NODE_24).orElse(false);
    }

    private static int major(String version) {
        String major = version.strip().split("\\.", 2)[0];
        try {
            return Integer.parseInt(major);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an engine version (MAJOR.MINOR.PATCH): '" + version + "'", e);
        }
    }
}
