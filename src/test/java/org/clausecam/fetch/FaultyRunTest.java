package org.clausecam.fetch;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's worth of fetching through {@link HostPolicies} against a hostile server: 40 documents on
 * four hosts, 30% of first attempts failing transiently, two documents gone for good and one host
 * that is down, fetched by eight threads. Plain HTTP here; the tracker does the same with its fetchers.
 */
class FaultyRunTest {

    private static final List<String> HOSTS = List.of("alpha.localhost", "beta.localhost", "gamma.localhost", "delta.localhost");

    @Test
    void capturesEveryGoodDocumentOnceWithinThePolitenessLimitsAndSaysWhyTheOthersFailed() throws Exception {
        FetchPolicySettings settings = FetchPolicySettings.builder()
                .retries(4, Duration.ofMillis(20))
                .politeness(1, Duration.ofMillis(20))
                .breaker(3, 100f, Duration.ofMinutes(30))
                .build();
        HostPolicies policies = new HostPolicies(settings);
        try (FaultServer server = FaultServer.startFlaky(0.3, 2026)) {
            List<URI> good = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                good.add(server.url(HOSTS.get(i % HOSTS.size()), "/ok/terms-" + i));
            }
            List<URI> gone = List.of(server.url("alpha.localhost", "/status/404/old-terms"),
                    server.url("beta.localhost", "/status/410/older-terms"));
            List<URI> down = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                down.add(server.url("down.localhost", "/status/503/terms-" + i));
            }
            List<URI> all = new ArrayList<>(good);
            all.addAll(gone);
            all.addAll(down);

            long started = System.nanoTime();
            Map<URI, Object> outcomes = fetchAll(policies, all, 8);
            Duration wall = Duration.ofNanos(System.nanoTime() - started);

            for (URI url : good) {
                FetchedDocument document = assertInstanceOf(FetchedDocument.class, outcomes.get(url), url.toString());
                assertEquals(200, document.status());
                int expected = server.failsFirstAttempt(url.getPath()) ? 2 : 1;
                assertEquals(expected, server.requests().stream()
                        .filter(r -> r.path().equals(url.getPath())).count(), "requests for " + url);
            }
            for (URI url : gone) {
                FetchException failure = assertInstanceOf(FetchException.class, outcomes.get(url));
                assertEquals(FetchException.Kind.PERMANENT, failure.kind());
                assertEquals(1, server.requestCount(url.getPath()));
            }
            long skipped = down.stream().filter(url -> outcomes.get(url) instanceof HostSkippedException).count();
            assertTrue(skipped >= 1, "a host that keeps failing is skipped");
            assertEquals(3, server.requestsPerHost().get("down.localhost"), "no request after the breaker opened");
            server.maxInFlightPerHost().forEach((host, most) -> assertEquals(1, most, "in flight at " + host));

            FetchFigures figures = policies.figures();
            long injected = good.stream().filter(url -> server.failsFirstAttempt(url.getPath())).count();
            long requested = server.requests().stream().map(r -> r.host() + r.path()).distinct().count();
            assertEquals(server.requests().size(), figures.attempts(), "every attempt counted, and only attempts");
            assertEquals(server.requests().size() - requested, figures.retries(), "retries are the repeated requests");
            System.out.printf("faulty run: %d documents (%d good, %d gone, %d on a down host), %d captured,"
                            + " %d first attempts failed by injection, %d requests, %d retries, %d skipped, wall %d ms,"
                            + " max in flight per host %s%n",
                    all.size(), good.size(), gone.size(), down.size(),
                    outcomes.values().stream().filter(FetchedDocument.class::isInstance).count(), injected,
                    server.requests().size(), figures.retries(), figures.skipped(), wall.toMillis(),
                    server.maxInFlightPerHost());
        }
    }

    private static Map<URI, Object> fetchAll(HostPolicies policies, List<URI> urls, int threads) throws Exception {
        Map<URI, Object> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (URI url : urls) {
                running.add(pool.submit(() -> {
                    try {
                        outcomes.put(url, policies.call(url, LoopbackClient.attempt(url)));
                    } catch (FetchException e) {
                        outcomes.put(url, e);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }
}
