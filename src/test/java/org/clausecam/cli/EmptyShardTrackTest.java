package org.clausecam.cli;

import org.clausecam.track.Shard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Services go to shards by a hash of their id, so a small collection leaves some shards empty. Such
 * a shard has nothing to do and succeeds: the manifests fail the whole Indexed Job on exit 2.
 */
@Tag("unit")
class EmptyShardTrackTest {

    @TempDir
    Path work;

    @Test
    void a_shard_that_holds_no_service_exits_0_without_fetching_or_opening_the_store() throws Exception {
        Path declarations = Files.createDirectories(work.resolve("declarations"));
        Files.writeString(declarations.resolve("Example.json"),
                "{\"name\":\"Example\",\"terms\":{\"Privacy Policy\":{\"fetch\":\"https://example.com/privacy\",\"select\":\"main\"}}}");
        int empty = new Shard(0, 2).includes("Example") ? 1 : 0;
        Path store = work.resolve("data");
        Path metrics = work.resolve("clausecam.prom");

        CliRun run = CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + store,
                "--shard", empty + "/2", "--metrics-file", metrics.toString());

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("shard " + empty + "/2 holds none of the services"), run.output());
        assertFalse(Files.exists(store), "nothing to record: no store is opened, none created");
        assertTrue(Files.readString(metrics).contains("clausecam_run_exit_code 0"), Files.readString(metrics));
    }

    @Test
    void a_selection_that_matches_nothing_at_all_is_still_bad_usage() throws Exception {
        Path declarations = Files.createDirectories(work.resolve("declarations"));
        Files.writeString(declarations.resolve("Example.json"),
                "{\"name\":\"Example\",\"terms\":{\"Privacy Policy\":{\"fetch\":\"https://example.com/privacy\",\"select\":\"main\"}}}");

        CliRun run = CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + work.resolve("data"),
                "--types", "Terms of Service", "--shard", "0/2");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("nothing to track"), run.output());
    }
}
