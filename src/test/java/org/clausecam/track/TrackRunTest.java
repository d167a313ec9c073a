package org.clausecam.track;

import org.clausecam.capture.Chromium;
import org.clausecam.capture.PageCapturer;
import org.clausecam.capture.RenderOptions;
import org.clausecam.capture.SourceCapturer;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.clausecam.extract.Extractor;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.fetch.FixtureServer;
import org.clausecam.fetch.HostPolicies;
import org.clausecam.fetch.HttpFetchOptions;
import org.clausecam.fetch.HttpFetcher;
import org.clausecam.store.FileStore;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run stopped from another thread (as the CLI does on SIGTERM): captures in flight end as
 * interrupted, terms not started are reported as interrupted, and what was recorded stays.
 */
class TrackRunTest {

    private final CountDownLatch slowArrived = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final FixtureServer server = new FixtureServer()
            .serve("/fast", "text/html", "<main><p>Fast terms.</p></main>")
            .handle("/slow", exchange -> {
                slowArrived.countDown();
                try {
                    releaseSlow.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                FixtureServer.send(exchange, 200, "<main><p>Slow terms.</p></main>".getBytes(StandardCharsets.UTF_8));
            });

    @TempDir
    Path dir;

    private Chromium chromium;
    private FileStore store;

    @BeforeEach
    void start() {
        // Never started: every terms here is fetched over plain HTTP.
        chromium = new Chromium(System.getenv(), 1);
        store = new FileStore(dir.resolve("store"));
    }

    @AfterEach
    void stop() throws Exception {
        releaseSlow.countDown();
        server.close();
        chromium.close();
        store.close();
    }

    private TrackRun run(int workers, TrackListener listener) {
        // One try per document, and every terms on the one test host may be fetched at once.
        FetchPolicySettings policy = FetchPolicySettings.builder().retries(1, Duration.ofMillis(1)).politeness(workers, Duration.ZERO).build();
        SourceCapturer capturer = new SourceCapturer(new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).build()),
                PageCapturer.unguarded(chromium), new HostPolicies(policy), RenderOptions.builder().screenshot(false).build());
        return new TrackRun(new TermsCapturer(capturer, new Extractor()), new Recorder(store, "test", ShrinkGuard.defaults()),
                workers, listener);
    }

    private TermsJob job(String service, String path) {
        SourceDocument document = new SourceDocument(null, server.url(path), List.of(), List.of(), List.of(), false);
        return new TermsJob(new Terms(service, "Terms of Service", List.of(document), false));
    }

    @Test
    void aRunStoppedBeforeItStartsReportsEveryTermsAsInterruptedAndRecordsNothing() throws Exception {
        TrackRun run = run(2, TrackListener.NONE);
        run.stop();

        RunSummary summary = run.run(List.of(job("Fast", "/fast"), job("Other", "/fast")));

        assertEquals(2, summary.count(TermsOutcome.Status.FAILED));
        for (TermsOutcome o : summary.outcomes()) {
            assertEquals(FailureClass.INTERRUPTED, o.failure());
            assertEquals("not started: the run was stopped", o.reason());
        }
        assertEquals(0, server.hits("/fast"));
        assertTrue(store.latest(new TermsKey("Fast", "Terms of Service")).isEmpty());
    }

    @Test
    void aStopCutsTheCaptureInFlightAsInterruptedAndKeepsWhatWasRecorded() throws Exception {
        CountDownLatch fastRecorded = new CountDownLatch(1);
        TrackRun run = run(2, new TrackListener() {
            @Override
            public void termsFinished(TermsOutcome outcome) {
                if (outcome.terms().service().equals("Fast")) fastRecorded.countDown();
            }
        });
        List<TermsJob> jobs = List.of(job("Slow", "/slow"), job("Fast", "/fast"), job("Later", "/fast"));

        CompletableFuture<RunSummary> running = CompletableFuture.supplyAsync(() -> run.run(jobs));
        assertTrue(slowArrived.await(1, TimeUnit.MINUTES));
        assertTrue(fastRecorded.await(1, TimeUnit.MINUTES));
        run.stop();
        RunSummary summary = running.get(1, TimeUnit.MINUTES);

        TermsOutcome slow = summary.outcomes().get(0);
        assertEquals(FailureClass.INTERRUPTED, slow.failure());
        assertTrue(slow.reason().startsWith("the run was stopped during the capture"), slow.reason());
        assertEquals(TermsOutcome.Status.FIRST_RECORD, summary.outcomes().get(1).status());
        assertTrue(store.latest(new TermsKey("Fast", "Terms of Service")).isPresent(), "what was recorded stays");
        assertTrue(store.latest(new TermsKey("Slow", "Terms of Service")).isEmpty());
    }
}
