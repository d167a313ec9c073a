package org.clausecam.cli;

import org.clausecam.fetch.FaultServer;
import org.clausecam.store.Store;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code track} command over 40 documents on four hosts (127.0.0.1 to 127.0.0.4, each
 * its own flaky server) where about 30% of first attempts fail transiently (503, 500, a reset
 * mid-body), plus two documents gone for good (404, 410): every document ends captured exactly
 * once, no host ever sees more than one request at a time, and the permanent failures are
 * reported with their reason after a single request. A fifth host that always answers 503 is
 * given up on by its circuit breaker: its remaining documents are reported as skipped.
 */
class FaultyTrackTest {

    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4");
    private static final List<String> TYPES = List.of("Terms of Service", "Privacy Policy", "Trackers Policy",
            "Acceptable Use Policy");
    private static final int SERVICES = 10;

    @TempDir
    Path work;

    @Test
    void everyDocumentIsCapturedOnceWithinThePolitenessLimitAndPermanentFailuresAreReportedUntried() throws Exception {
        Map<String, FaultServer> servers = new LinkedHashMap<>();
        try {
            for (int i = 0; i < HOSTS.size(); i++) {
                servers.put(HOSTS.get(i), FaultServer.startFlaky(0.3, 2026 + i, HOSTS.get(i)));
            }
            Path declarations = Files.createDirectories(work.resolve("declarations"));
            Map<TermsKey, URI> documents = new LinkedHashMap<>();
            int n = 0;
            for (int s = 0; s < SERVICES; s++) {
                String service = "Service" + s;
                StringBuilder terms = new StringBuilder();
                for (String type : TYPES) {
                    FaultServer server = servers.get(HOSTS.get(n++ % HOSTS.size()));
                    URI url = server.url("/ok/" + service + "/" + type.replace(' ', '-'));
                    documents.put(new TermsKey(service, type), url);
                    terms.append(terms.length() == 0 ? "" : ",\n").append(declared(type, url));
                }
                Files.writeString(declarations.resolve(service + ".json"),
                        "{ \"name\": \"" + service + "\", \"terms\": {\n" + terms + " } }");
            }
            URI notFound = servers.get("127.0.0.2").url("/status/404/old-terms");
            URI gone = servers.get("127.0.0.3").url("/status/410/older-terms");
            Files.writeString(declarations.resolve("Gone.json"), "{ \"name\": \"Gone\", \"terms\": {\n"
                    + declared("Terms of Service", notFound) + ",\n" + declared("Privacy Policy", gone) + " } }");
            FaultServer down = FaultServer.start("127.0.0.5");
            servers.put("127.0.0.5", down);
            StringBuilder downTerms = new StringBuilder();
            for (String type : TYPES) {
                downTerms.append(downTerms.length() == 0 ? "" : ",\n")
                        .append(declared(type, down.url("/status/503/" + type.replace(' ', '-'))));
            }
            Files.writeString(declarations.resolve("Down.json"), "{ \"name\": \"Down\", \"terms\": {\n" + downTerms + " } }");
            String store = "file:" + work.resolve("store");

            long started = System.nanoTime();
            CliRun run = CliRun.run("track", "--declarations", declarations.toString(),
                    "--store", store, "--allow-private-network", "--no-screenshots", "--concurrency", "8",
                    "--max-attempts", "4", "--retry-backoff", "20", "--host-delay", "20", "--host-concurrency", "1");
            Duration wall = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(1, run.exit(), "the two permanent failures make the run fail:\n" + run.output());
            assertTrue(run.output().contains("40 first records, 0 changed, 0 unchanged, 6 failed (4 transient, 2 permanent)"),
                    run.output());
            assertEquals(5, down.requests().size(), "the breaker opens after 5 failed attempts (window 5, 80%);"
                    + " nothing more reaches the host");
            long skipped = run.output().lines().filter(l -> l.startsWith("  failed: Down / ")
                    && l.contains("(transient): ") && l.contains("skipped because host 127.0.0.5 kept failing")).count();
            assertTrue(skipped >= 2, "the host's remaining documents are reported as skipped with the reason:\n" + run.output());
            assertTrue(run.output().contains("failed: Gone / Terms of Service (permanent): " + notFound
                    + ": answered HTTP/1.1 404 Not Found"), run.output());
            assertTrue(run.output().contains("failed: Gone / Privacy Policy (permanent): " + gone
                    + ": answered HTTP/1.1 410 Gone"), run.output());
            assertEquals(1, servers.get("127.0.0.2").requestCount(notFound.getPath()), "a 404 is not retried");
            assertEquals(1, servers.get("127.0.0.3").requestCount(gone.getPath()), "a 410 is not retried");

            long injected = 0;
            try (Store s = Stores.open(store)) {
                for (Map.Entry<TermsKey, URI> document : documents.entrySet()) {
                    URI url = document.getValue();
                    FaultServer server = servers.get(url.getHost());
                    boolean failedFirst = server.failsFirstAttempt(url.getPath());
                    injected += failedFirst ? 1 : 0;
                    assertEquals(failedFirst ? 2 : 1, server.requestCount(url.getPath()),
                            "one successful request for " + url + (failedFirst ? ", after one injected failure" : ""));
                    assertEquals(1, s.history(document.getKey(), null, 10).size(), "one record of " + document.getKey());
                }
            }
            Map<String, Integer> maxInFlight = new TreeMap<>();
            long requests = 0;
            for (FaultServer server : servers.values()) {
                maxInFlight.putAll(server.maxInFlightPerHost());
                requests += server == down ? 0 : server.requests().size();
            }
            maxInFlight.forEach((host, most) -> assertEquals(1, most, "requests in flight at once at " + host));
            assertEquals(HOSTS.size() + 1, maxInFlight.size(), "every host was asked");
            assertTrue(injected >= 8, "about 30% of 40 first attempts fail, here " + injected);

            long retries = requests - documents.size() - 2;
            System.out.printf("faulty track run: %d documents on %d hosts (+2 gone, +4 on a host that is down), %d captured,"
                            + " %d first attempts failed by injection, %d requests to the good hosts (%d retries),"
                            + " %d to the down host, wall %d ms, max in flight per host %s%n",
                    documents.size(), HOSTS.size(), documents.size(), injected, requests, retries, down.requests().size(),
                    wall.toMillis(), maxInFlight);
            System.out.println(run.output().lines().filter(l -> l.contains(" terms in ") || l.startsWith("fetch"))
                    .reduce("", (a, b) -> a + b + "\n"));
        } finally {
            servers.values().forEach(FaultServer::close);
        }
    }

    private static String declared(String type, URI url) {
        return "  \"" + type + "\": { \"fetch\": \"" + url + "\", \"select\": [\"body\"], \"executeClientScripts\": false }";
    }
}
