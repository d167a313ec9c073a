package org.clausecam.fetch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostPoliciesTest {

    /** Real policies with test-sized waits: 10 ms backoff, no politeness delay unless a test sets one. */
    private static final FetchPolicySettings FAST = FetchPolicySettings.builder()
            .retries(4, Duration.ofMillis(10))
            .politeness(1, Duration.ZERO)
            .maxRetryAfter(Duration.ofSeconds(5))
            .build();

    private FaultServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = FaultServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void retriesATransientFailureUntilItSucceeds() throws FetchException {
        HostPolicies policies = new HostPolicies(FAST);
        URI url = server.url("/flaky/2/terms");

        FetchedDocument document = policies.call(url, LoopbackClient.attempt(url));

        assertEquals(200, document.status());
        assertEquals(3, server.requestCount("/flaky/2/terms"));
        assertEquals(2, policies.figures().retries());
        assertEquals(3, policies.figures().attempts());
    }

    @Test
    void neverRetriesAPermanentFailure() {
        HostPolicies policies = new HostPolicies(FAST);
        URI url = server.url("/status/404/gone");

        FetchException failure = assertThrows(FetchException.class, () -> policies.call(url, LoopbackClient.attempt(url)));

        assertEquals(FetchException.Kind.PERMANENT, failure.kind());
        assertEquals(1, server.requestCount("/status/404/gone"));
        assertEquals(0, policies.figures().retries());
    }

    @Test
    void givesUpAfterTheLastAttemptSayingHowManyThereWere() {
        HostPolicies policies = new HostPolicies(FAST.toBuilder().retries(3, Duration.ofMillis(10)).build());
        URI url = server.url("/status/500/down");

        FetchException failure = assertThrows(FetchException.class, () -> policies.call(url, LoopbackClient.attempt(url)));

        assertEquals(FetchException.Kind.TRANSIENT, failure.kind());
        assertTrue(failure.getMessage().contains("gave up after 3 attempts; last: HTTP/1.1 500"), failure.getMessage());
        assertEquals(3, server.requestCount("/status/500/down"));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void waitsAtLeastAsLongAsRetryAfterAsks(int status) throws FetchException {
        HostPolicies policies = new HostPolicies(FAST);
        String path = "/retry-after/" + status + "/1/terms";
        URI url = server.url(path);

        FetchedDocument document = policies.call(url, LoopbackClient.attempt(url));

        assertEquals(200, document.status());
        List<Duration> arrivals = server.arrivals(path);
        assertEquals(2, arrivals.size());
        Duration waited = arrivals.get(1).minus(arrivals.get(0));
        assertTrue(waited.compareTo(Duration.ofSeconds(1)) >= 0, "retried after only " + waited);
    }

    @Test
    void doesNotRetryWhenRetryAfterAsksForMoreThanTheCap() {
        HostPolicies policies = new HostPolicies(FAST.toBuilder().maxRetryAfter(Duration.ofSeconds(2)).build());
        URI url = server.url("/retry-after/429/3600/terms");

        FetchException failure = assertThrows(FetchException.class, () -> policies.call(url, LoopbackClient.attempt(url)));

        assertEquals(FetchException.Kind.TRANSIENT, failure.kind());
        assertTrue(failure.getMessage().contains("not retried: the server asked to wait 3600 s, more than the 2 s allowed"),
                failure.getMessage());
        assertEquals(1, server.requestCount("/retry-after/429/3600/terms"));
    }

    @Test
    void skipsTheRestOfAHostThatKeepsFailingButNotOtherHosts() throws FetchException {
        HostPolicies policies = new HostPolicies(FAST.toBuilder().retries(1, Duration.ofMillis(10))
                .breaker(3, 100f, Duration.ofMinutes(5))
                .build());
        List<FetchException> failures = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            URI url = server.url("down.localhost", "/status/503/doc" + i);
            failures.add(assertThrows(FetchException.class, () -> policies.call(url, LoopbackClient.attempt(url))));
        }
        URI elsewhere = server.url("up.localhost", "/ok/terms");

        FetchedDocument healthy = policies.call(elsewhere, LoopbackClient.attempt(elsewhere));

        failures.subList(0, 3).forEach(tried -> assertTrue(tried.getMessage().contains("503"), tried.getMessage()));
        for (FetchException skipped : failures.subList(3, 6)) {
            HostSkippedException skip = assertInstanceOf(HostSkippedException.class, skipped);
            assertEquals("down.localhost", skip.host());
            assertTrue(skip.getMessage().contains("skipped because host down.localhost kept failing"), skip.getMessage());
        }
        assertEquals(3, server.requestsPerHost().get("down.localhost"));
        assertEquals(3, policies.figures().skipped());
        assertTrue(policies.forHost(server.url("down.localhost", "/")).skipping());
        assertEquals(200, healthy.status());
    }

    @Test
    void triesASkippedHostAgainOnceTheOpenPeriodIsOver() throws Exception {
        Duration openFor = Duration.ofMillis(200);
        HostPolicies policies = new HostPolicies(FAST.toBuilder().retries(1, Duration.ofMillis(10)).breaker(2, 100f, openFor).build());
        for (int i = 1; i <= 3; i++) {
            URI url = server.url("recovering.localhost", "/status/503/doc" + i);
            assertThrows(FetchException.class, () -> policies.call(url, LoopbackClient.attempt(url)));
        }
        URI back = server.url("recovering.localhost", "/ok/terms");
        assertThrows(HostSkippedException.class, () -> policies.call(back, LoopbackClient.attempt(back)));

        Thread.sleep(openFor.toMillis() + 50);

        assertEquals(200, policies.call(back, LoopbackClient.attempt(back)).status());
        assertEquals(3, server.requestsPerHost().get("recovering.localhost"));
    }

    @Test
    void aHostThatAnswers404IsNotAFailingHost() throws FetchException {
        HostPolicies policies = new HostPolicies(FAST.toBuilder().breaker(3, 100f, Duration.ofMinutes(5)).build());
        for (int i = 1; i <= 5; i++) {
            URI missing = server.url("/status/404/doc" + i);
            assertThrows(FetchException.class, () -> policies.call(missing, LoopbackClient.attempt(missing)));
        }
        URI present = server.url("/ok/terms");

        assertEquals(200, policies.call(present, LoopbackClient.attempt(present)).status());
    }

    @Test
    void keepsOneRequestInFlightPerHostWithEightCallersOverThreeHosts() throws Exception {
        HostPolicies policies = new HostPolicies(FAST);
        List<Callable<FetchedDocument>> fetches = new ArrayList<>();
        for (String host : List.of("a.localhost", "b.localhost", "c.localhost")) {
            for (int i = 1; i <= 8; i++) {
                URI url = server.url(host, "/slow/20/" + host + "/doc" + i);
                fetches.add(() -> policies.call(url, LoopbackClient.attempt(url)));
            }
        }

        List<FetchedDocument> documents = runOnThreads(8, fetches);

        assertEquals(24, documents.size());
        assertEquals(Map.of("a.localhost", 1, "b.localhost", 1, "c.localhost", 1), server.maxInFlightPerHost());
        assertEquals(Map.of("a.localhost", 8, "b.localhost", 8, "c.localhost", 8), server.requestsPerHost());
        policies.figures().hosts().values().forEach(host -> assertEquals(1, host.maxInFlight()));
    }

    @Test
    void spacesRequestsToOneHostByAtLeastTheMinimumDelay() throws Exception {
        Duration minDelay = Duration.ofMillis(150);
        HostPolicies policies = new HostPolicies(FAST.toBuilder().politeness(1, minDelay).build());
        List<Callable<FetchedDocument>> fetches = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            URI url = server.url("polite.localhost", "/ok/doc" + i);
            fetches.add(() -> policies.call(url, LoopbackClient.attempt(url)));
        }

        runOnThreads(4, fetches);

        List<FaultServer.Request> requests = server.requests();
        assertEquals(4, requests.size());
        for (int i = 1; i < requests.size(); i++) {
            Duration gap = requests.get(i).at().minus(requests.get(i - 1).at());
            assertTrue(gap.compareTo(minDelay) >= 0, "only " + gap + " between requests " + i + " and " + (i + 1));
        }
    }

    @Test
    void theBrowsersFollowUpOfADocumentJustFetchedCompletesThatVisitWithoutWaitingAgain() throws Exception {
        Duration minDelay = Duration.ofSeconds(5);
        HostPolicies policies = new HostPolicies(FAST.toBuilder().politeness(1, minDelay).build());
        URI url = server.url("polite.localhost", "/ok/empty-shell");

        policies.call(url, LoopbackClient.attempt(url));
        policies.followUp(url, FetcherKind.HTTP, LoopbackClient.attempt(url));

        List<FaultServer.Request> requests = server.requests();
        assertEquals(2, requests.size());
        Duration gap = requests.get(1).at().minus(requests.get(0).at());
        assertTrue(gap.compareTo(minDelay) < 0, "the follow-up waited " + gap);
    }

    @Test
    void aFollowUpWaitsOutTheDelayWhenAnotherRequestReachedTheHostInBetween() throws Exception {
        Duration minDelay = Duration.ofMillis(150);
        HostPolicies policies = new HostPolicies(FAST.toBuilder().politeness(1, minDelay).build());
        URI first = server.url("polite.localhost", "/ok/empty-shell");
        URI other = server.url("polite.localhost", "/ok/other");

        policies.call(first, LoopbackClient.attempt(first));
        runOnThreads(1, List.of(() -> policies.call(other, LoopbackClient.attempt(other))));
        policies.followUp(first, FetcherKind.HTTP, LoopbackClient.attempt(first));

        List<FaultServer.Request> requests = server.requests();
        assertEquals(3, requests.size());
        Duration gap = requests.get(2).at().minus(requests.get(1).at());
        assertTrue(gap.compareTo(minDelay) >= 0, "only " + gap + " between the other request and the follow-up");
    }

    @Test
    void differentHostsProceedInParallel() throws Exception {
        HostPolicies policies = new HostPolicies(FAST.toBuilder().retries(1, Duration.ofMillis(10)).build());
        List<Callable<FetchedDocument>> fetches = new ArrayList<>();
        for (String host : List.of("a.localhost", "b.localhost", "c.localhost")) {
            // The server answers 200 only once all three requests are waiting at once.
            URI url = server.url(host, "/rendezvous/3/together");
            fetches.add(() -> policies.call(url, LoopbackClient.attempt(url)));
        }

        List<FetchedDocument> documents = runOnThreads(3, fetches);

        documents.forEach(document -> assertEquals(200, document.status()));
    }

    @Test
    void boundsBrowserPagesInFlightAcrossAllHosts() throws Exception {
        HostPolicies policies = new HostPolicies(FAST.toBuilder().pagesInFlight(2).build());
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        List<Callable<FetchedDocument>> fetches = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            URI url = URI.create("http://host" + i + ".localhost/terms");
            fetches.add(() -> policies.call(url, FetcherKind.BROWSER, () -> {
                mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(30);
                    return rendered(url);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    open.decrementAndGet();
                }
            }));
        }

        runOnThreads(6, fetches);

        assertTrue(mostOpen.get() <= 2, mostOpen.get() + " pages were open at once");
        assertTrue(policies.figures().maxPagesInFlight() <= 2);
        assertEquals(6, policies.figures().attempts());
    }

    @Test
    void tellsHostsApartByLowerCasedName() throws FetchException {
        HostPolicies policies = new HostPolicies(FAST);

        assertSame(policies.forHost(URI.create("http://A.Localhost:1/x")), policies.forHost(URI.create("http://a.localhost:2/y")));
        assertNotSame(policies.forHost(URI.create("http://a.localhost/")), policies.forHost(URI.create("http://b.localhost/")));
        FetchException noHost = assertThrows(FetchException.class, () -> policies.forHost(URI.create("file:///etc/passwd")));
        assertEquals(FetchException.Kind.PERMANENT, noHost.kind());
    }

    private static FetchedDocument rendered(URI url) {
        return new FetchedDocument(url, url, FetcherKind.BROWSER, 200, "HTTP/1.1 200 OK", Map.of(), "text/html",
                new byte[0], Instant.now());
    }

    private static List<FetchedDocument> runOnThreads(int threads, List<Callable<FetchedDocument>> fetches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<FetchedDocument> documents = new ArrayList<>();
            for (Future<FetchedDocument> future : pool.invokeAll(fetches)) {
                documents.add(future.get());
            }
            return documents;
        } finally {
            pool.shutdownNow();
        }
    }
}
