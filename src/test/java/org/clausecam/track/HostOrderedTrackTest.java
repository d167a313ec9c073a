package org.clausecam.track;

import org.clausecam.capture.Chromium;
import org.clausecam.capture.PageCapturer;
import org.clausecam.capture.RenderOptions;
import org.clausecam.capture.SourceCapturer;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.clausecam.extract.Extractor;
import org.clausecam.fetch.FaultServer;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.fetch.HostPolicies;
import org.clausecam.fetch.HttpFetchOptions;
import org.clausecam.fetch.HttpFetcher;
import org.clausecam.store.FileStore;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run over loopback hosts whose declarations come grouped by host, as real collections do
 * (a1 a2 a3 a4 b1 … c4): the workers spread over the hosts instead of queueing behind the first
 * one's politeness, every terms is captured, and no host ever sees two requests at once.
 */
class HostOrderedTrackTest {

    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");
    private static final int PER_HOST = 4;

    @TempDir
    Path dir;

    @Test
    void workersStartOnDifferentHostsAndEachHostSeesOneRequestAtATime() throws Exception {
        List<FaultServer> servers = new ArrayList<>();
        List<String> startedHosts = Collections.synchronizedList(new ArrayList<>());
        try (Chromium chromium = new Chromium(System.getenv(), 1); FileStore store = new FileStore(dir.resolve("store"))) {
            List<TermsJob> jobs = new ArrayList<>();
            for (String host : HOSTS) {
                FaultServer server = FaultServer.start(host);
                servers.add(server);
                for (int i = 1; i <= PER_HOST; i++) {
                    String service = "Service " + host + " " + i;
                    SourceDocument document = new SourceDocument(null, server.url("/ok/terms-" + i), List.of(), List.of(), List.of(), false);
                    jobs.add(new TermsJob(new Terms(service, "Terms of Service", List.of(document), false)));
                }
            }
            FetchPolicySettings policy = FetchPolicySettings.builder().retries(1, Duration.ofMillis(1))
                    .politeness(1, Duration.ofMillis(300)).build();
            SourceCapturer capturer = new SourceCapturer(new HttpFetcher(HttpFetchOptions.builder().allowPrivateNetwork(true).build()),
                    PageCapturer.unguarded(chromium), new HostPolicies(policy), RenderOptions.builder().screenshot(false).build());
            TrackRun run = new TrackRun(new TermsCapturer(capturer, new Extractor()), new Recorder(store, "test", ShrinkGuard.defaults()),
                    HOSTS.size(), new TrackListener() {
                        @Override
                        public void termsStarted(TermsJob job) {
                            startedHosts.add(job.key().service().split(" ")[1]);
                        }
                    }, policy);

            RunSummary summary = run.run(jobs);

            assertEquals(jobs.size(), summary.count(TermsOutcome.Status.FIRST_RECORD), summary.outcomes().toString());
            Set<String> firstThree = new HashSet<>(startedHosts.subList(0, HOSTS.size()));
            assertEquals(Set.copyOf(HOSTS), firstThree,
                    "the three workers began on three hosts, not all behind the first host's gate: " + startedHosts);
            for (FaultServer server : servers) {
                for (Map.Entry<String, Integer> host : server.maxInFlightPerHost().entrySet()) {
                    assertEquals(1, host.getValue(), "requests in flight at once at " + host.getKey());
                }
                assertEquals(PER_HOST, server.requests().stream().filter(FaultServer.Request::isDocument).count());
            }
        } finally {
            servers.forEach(FaultServer::close);
        }
    }
}
