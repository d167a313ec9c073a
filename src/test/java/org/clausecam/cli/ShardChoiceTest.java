package org.clausecam.cli;

import org.clausecam.track.Shard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where {@code track} takes its shard from: {@code --shard}, else a Kubernetes Indexed Job's environment, else all. */
@Tag("unit")
class ShardChoiceTest {

    static final Map<String, String> INDEXED_JOB_POD = Map.of("JOB_COMPLETION_INDEX", "2", "CLAUSECAM_SHARDS", "3");

    @Test
    void an_indexed_job_pod_takes_its_completion_index_of_the_shard_count_the_manifest_sets() {
        assertEquals(new Shard(2, 3), ShardChoice.of(null, INDEXED_JOB_POD));
    }

    @Test
    void the_shard_option_wins_over_the_environment() {
        assertEquals(new Shard(0, 4), ShardChoice.of("0/4", INDEXED_JOB_POD));
    }

    @Test
    void without_option_or_environment_every_service_is_tracked() {
        assertEquals(Shard.ALL, ShardChoice.of(null, Map.of()));
        assertEquals(Shard.ALL, ShardChoice.of(null, Map.of("JOB_COMPLETION_INDEX", " ", "CLAUSECAM_SHARDS", "")));
    }

    @Test
    void an_index_without_a_count_is_a_usage_error_that_says_what_to_set() {
        UsageException e = assertThrows(UsageException.class, () -> ShardChoice.of(null, Map.of("JOB_COMPLETION_INDEX", "1")));
        assertTrue(e.getMessage().contains("JOB_COMPLETION_INDEX=1 is set (a Kubernetes Indexed Job) but CLAUSECAM_SHARDS is not"),
                e.getMessage());
        assertTrue(e.getMessage().contains("or give --shard I/N"), e.getMessage());
    }

    @Test
    void a_count_without_an_index_is_a_usage_error_too() {
        UsageException e = assertThrows(UsageException.class, () -> ShardChoice.of(null, Map.of("CLAUSECAM_SHARDS", "3")));
        assertTrue(e.getMessage().contains("CLAUSECAM_SHARDS=3 is set but JOB_COMPLETION_INDEX is not"), e.getMessage());
    }

    @Test
    void an_index_out_of_range_names_both_variables() {
        UsageException e = assertThrows(UsageException.class,
                () -> ShardChoice.of(null, Map.of("JOB_COMPLETION_INDEX", "3", "CLAUSECAM_SHARDS", "3")));
        assertTrue(e.getMessage().startsWith("JOB_COMPLETION_INDEX=3 and CLAUSECAM_SHARDS=3: shard must be I/N with 0 <= I < N"),
                e.getMessage());
    }

    @Test
    void a_malformed_option_is_a_usage_error_naming_it() {
        UsageException e = assertThrows(UsageException.class, () -> ShardChoice.of("two of three", Map.of()));
        assertTrue(e.getMessage().startsWith("--shard two of three: shard must be I/N"), e.getMessage());
    }
}
