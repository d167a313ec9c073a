package org.clausecam.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.cli.CliRun;
import org.clausecam.store.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start of a run against a real S3 server (S3Proxy): the start line and the
 * {@code run-started} event name the bucket, prefix and endpoint, count the terms' hosts, and
 * never show the credentials the run uses.
 */
class TrackStartOnS3Test {

    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    @TempDir
    Path work;

    @Test
    void theStartLineNamesTheStoreAndHostsButNoCredentials() throws Exception {
        S3.createBucket("start");
        String store = S3.storeUri("start", "genai");
        // Three terms, each on its own loopback address: three hosts.
        // The CLI below reads the server's credentials from the system properties this sets.
        S3Credentials credentials = S3Credentials.of(S3);
        try (credentials; TermsSite site = new TermsSite(3, Set.of())) {
            Path declarations = site.declare(work.resolve("declarations"), false);

            CliRun text = CliRun.run("track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network",
                    "--no-screenshots", "--no-progress", "--concurrency", "2", "--workers", "3");
            CliRun json = CliRun.run("track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network",
                    "--no-screenshots", "--log-format", "json");

            assertEquals(0, text.exit(), text.output());
            String shown = "s3://start/genai at " + S3.endpoint();
            assertTrue(text.output().contains("tracking 3 terms on 3 hosts: 3 workers, 2 pages in flight, 2 browser captures; store "
                    + shown + "; screenshots off\n"), text.output());
            JsonNode started = json.output().lines().map(TrackStartOnS3Test::parse)
                    .filter(e -> e.get("event").asText().equals("run-started")).findFirst().orElseThrow();
            assertEquals(shown, started.get("store").asText(), json.output());
            assertEquals(3, started.get("hosts").asInt());
            for (CliRun run : new CliRun[] {text, json}) {
                assertFalse(run.output().contains(S3.accessKey()) || run.output().contains(S3.secretKey()), run.output());
            }
        }
    }

    private static JsonNode parse(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("not a JSON event: " + line, e);
        }
    }
}
