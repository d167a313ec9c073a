package org.clausecam.cli;

import org.clausecam.track.Shard;

import java.util.Map;

/**
 * Which shard a {@code track} run takes: {@code --shard I/N} when given; else, in a Kubernetes
 * Indexed Job, the pod's {@code JOB_COMPLETION_INDEX} of {@code CLAUSECAM_SHARDS}; else all.
 *
 * <p>Kubernetes gives each pod of an Indexed Job its index, but not the Job's completions (the
 * downward API exposes the index annotation and nothing of the Job's spec), so the manifest sets
 * the count beside {@code completions}. One without the other is refused rather than guessed: an
 * index alone would track every service in every pod, a count alone nothing or all.
 */
final class ShardChoice {

    /** Set by Kubernetes in every pod of an Indexed Job. */
    static final String INDEX = "JOB_COMPLETION_INDEX";
    /** Set by the manifest to the Job's {@code completions}. */
    static final String COUNT = "CLAUSECAM_SHARDS";

    private ShardChoice() {
    }

    /**
     * @param option {@code --shard}'s value, or {@code null} when not given
     * @throws UsageException the option or the environment names no valid shard
     */
    static Shard of(String option, Map<String, String> env) {
        if (option != null) return parse(option, "--shard " + option);
        String index = blankToNull(env.get(INDEX));
        String count = blankToNull(env.get(COUNT));
        if (index == null && count == null) return Shard.ALL;
        if (count == null) {
            throw new UsageException(INDEX + "=" + index + " is set (a Kubernetes Indexed Job) but " + COUNT
                    + " is not: set " + COUNT + " to the Job's completions, or give --shard I/N");
        }
        if (index == null) {
            throw new UsageException(COUNT + "=" + count + " is set but " + INDEX
                    + " is not (Kubernetes sets it in an Indexed Job only): give --shard I/N, or run as an Indexed Job");
        }
        return parse(index + "/" + count, INDEX + "=" + index + " and " + COUNT + "=" + count);
    }

    private static Shard parse(String text, String source) {
        try {
            return Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(source + ": " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
