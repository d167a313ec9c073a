package org.clausecam.cli;

import org.clausecam.fetch.FaultServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without {@code --allow-private-network}, {@code track} refuses loopback, link-local (the cloud
 * metadata endpoint) and private addresses, over plain HTTP and in the browser alike, says why,
 * and sends nothing: the server on 127.0.0.1 never sees a request.
 */
class PrivateNetworkTrackTest {

    @TempDir
    Path work;

    @Test
    void loopbackMetadataAndPrivateAddressesAreRefusedWithTheirReasonAndNothingIsSent() throws Exception {
        try (FaultServer server = FaultServer.start()) {
            Path declarations = Files.createDirectories(work.resolve("declarations"));
            Files.writeString(declarations.resolve("Loopback.json"), """
                    { "name": "Loopback", "terms": {
                      "Terms of Service": { "fetch": "%s", "select": ["body"], "executeClientScripts": false },
                      "Privacy Policy": { "fetch": "%s", "select": ["body"], "executeClientScripts": true },
                      "Trackers Policy": { "fetch": "%s", "select": ["body"] },
                      "Acceptable Use Policy": { "fetch": "%s", "select": ["body"] } } }
                    """.formatted(server.url("/ok/http"), server.url("/ok/browser"), server.url("/ok/either"),
                    server.url("localhost", "/ok/by-name")));
            Files.writeString(declarations.resolve("Metadata.json"), """
                    { "name": "Metadata", "terms": {
                      "Terms of Service": { "fetch": "http://169.254.169.254/latest/meta-data/", "select": ["body"] },
                      "Privacy Policy": { "fetch": "http://169.254.169.254/computeMetadata/v1/", "select": ["body"], "executeClientScripts": true } } }
                    """);
            Files.writeString(declarations.resolve("Private.json"), """
                    { "name": "Private", "terms": {
                      "Terms of Service": { "fetch": "http://10.0.0.1/terms", "select": ["body"] },
                      "Privacy Policy": { "fetch": "http://10.0.0.1/privacy", "select": ["body"], "executeClientScripts": true } } }
                    """);

            CliRun run = CliRun.run("track", "--declarations", declarations.toString(),
                    "--store", "file:" + work.resolve("store"), "--max-attempts", "3", "--retry-backoff", "10", "--host-delay", "0");

            assertEquals(1, run.exit(), run.output());
            assertTrue(run.output().contains("8 terms in "), run.output());
            assertTrue(run.output().contains("0 first records, 0 changed, 0 unchanged, 8 failed (8 permanent)"), run.output());
            for (String type : List.of("Terms of Service", "Privacy Policy", "Trackers Policy")) {
                assertRefused(run, "Loopback / " + type, "127.0.0.1 resolves to 127.0.0.1, a loopback address");
            }
            assertRefused(run, "Loopback / Acceptable Use Policy", "localhost resolves to 127.0.0.1, a loopback address");
            assertRefused(run, "Metadata / Terms of Service", "169.254.169.254 resolves to 169.254.169.254, a link-local address");
            assertRefused(run, "Metadata / Privacy Policy", "169.254.169.254 resolves to 169.254.169.254, a link-local address");
            assertRefused(run, "Private / Terms of Service", "10.0.0.1 resolves to 10.0.0.1, a private address");
            assertRefused(run, "Private / Privacy Policy", "10.0.0.1 resolves to 10.0.0.1, a private address");
            assertEquals(List.of(), server.requests(), "nothing reached the server");
        }
    }

    private static void assertRefused(CliRun run, String terms, String why) {
        String line = run.output().lines().filter(l -> l.startsWith("  failed: " + terms + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(terms + " not reported:\n" + run.output()));
        assertTrue(line.contains("(permanent): ") && line.contains("refused: " + why)
                && line.endsWith("(allow it with --allow-private-network)"), line);
    }
}
