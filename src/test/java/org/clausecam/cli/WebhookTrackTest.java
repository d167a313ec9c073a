package org.clausecam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code track --webhook}: a receiver on loopback gets one JSON event per first record, change and
 * failure, and one that fails or hangs changes nothing of the run.
 */
class WebhookTrackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private FixtureSite site;
    private HttpServer receiver;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    /** Answers given in turn to the receiver's requests; 200 once they run out; 0 never answers. */
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        site = new FixtureSite();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hooks/clausecam", exchange -> {
            int n = requests.getAndIncrement();
            byte[] body = exchange.getRequestBody().readAllBytes();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            int status = n < answers.size() ? answers.get(n) : 200;
            if (status == 0) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            if (status == 200) received.add(JSON.readTree(body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        receiver.stop(0);
        site.close();
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/clausecam?token=s3cr3t";
    }

    private Path declarations(String... paths) throws IOException {
        Path dir = Files.createDirectories(work.resolve("declarations"));
        for (int i = 0; i < paths.length; i++) {
            Files.writeString(dir.resolve("Service" + i + ".json"), """
                    { "name": "Service%d", "terms": { "Terms of Service": { "fetch": "%s", "select": ["main"], "executeClientScripts": false } } }
                    """.formatted(i, site.url(paths[i])));
        }
        return dir;
    }

    private CliRun track(Path declarations, String... more) {
        List<String> args = new ArrayList<>(List.of("track", "--declarations", declarations.toString(),
                "--store", "file:" + work.resolve("store"), "--allow-private-network", "--no-screenshots",
                "--max-attempts", "1", "--host-delay", "0", "--webhook", hook()));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static String page(String text) {
        return "<html><body><main><h1>Terms</h1><p>" + text + " " + "These terms apply to every use of the service. ".repeat(8)
                + "</p></main></body></html>";
    }

    @Test
    void eachFirstRecordAndEachChangeSendsOneEventAndUnchangedTermsSendNone() throws Exception {
        site.html("/a", page("Version one of A.")).html("/b", page("Version one of B."));
        Path declarations = declarations("/a", "/b");

        assertEquals(0, track(declarations).exit());
        assertEquals(List.of("terms-first-record", "terms-first-record"), received.stream().map(e -> e.get("event").asText()).toList());
        received.clear();

        site.html("/a", page("Version two of A: we sell data."));
        CliRun second = track(declarations);

        assertEquals(0, second.exit(), second.output());
        assertEquals(1, received.size(), "B did not change: " + received);
        JsonNode change = received.get(0);
        assertEquals("terms-changed", change.get("event").asText());
        assertEquals("Service0", change.get("service").asText());
        assertEquals("Terms of Service", change.get("termsType").asText());
        assertEquals("2", change.get("recordId").asText());
        assertEquals(64, change.get("record").asText().length());
        assertEquals(64, change.get("previous").asText().length());
        assertEquals(64, change.get("version").asText().length());
        assertEquals(site.url("/a").toString(), change.get("urls").get(0).asText());
        assertTrue(authorizations.stream().allMatch("null"::equals), "no Authorization header is ever sent: " + authorizations);
    }

    @Test
    void aFailedTermsSendsItsFailureClassAndReason() throws Exception {
        site.html("/a", page("Version one of A."));
        Path declarations = declarations("/a", "/missing");

        CliRun run = track(declarations);

        assertEquals(1, run.exit(), run.output());
        JsonNode failure = received.stream().sorted(Comparator.comparing(e -> e.get("event").asText()))
                .filter(e -> e.get("event").asText().equals("terms-failed")).findFirst().orElseThrow();
        assertEquals("Service1", failure.get("service").asText());
        assertEquals("permanent", failure.get("failureClass").asText());
        assertTrue(failure.get("reason").asText().contains("404"), failure.toString());
        assertEquals(site.url("/missing").toString(), failure.get("urls").get(0).asText());
        assertNull(failure.get("recordId"));
    }

    @Test
    void aReceiverThatFailsOnceGetsTheEventOnTheRetry() throws Exception {
        site.html("/a", page("Version one of A."));
        answers.add(500);

        CliRun run = track(declarations("/a"));

        assertEquals(0, run.exit(), run.output());
        assertEquals(2, requests.get(), "one failed attempt, one retry");
        assertEquals(1, received.size());
        assertFalse(run.output().contains("webhook events:"), "everything was delivered: " + run.output());
    }

    @Test
    void aReceiverThatHangsDelaysTheEndOfTheRunOnlyByTheBoundedWaitAndFailsNothing() throws Exception {
        site.html("/a", page("Version one of A.")).html("/b", page("Version one of B."));
        answers.add(0);
        answers.add(0);

        CliRun run = track(declarations("/a", "/b"), "--webhook-wait", "1");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("not sent when the run stopped waiting"), run.output());
        assertFalse(run.output().contains("s3cr3t"), "the webhook's secret is never printed: " + run.output());
    }

    @Test
    void aWebhookOnThePrivateNetworkIsRefusedUnlessAllowed() throws Exception {
        site.html("/a", page("Version one of A."));
        CliRun run = CliRun.run("track", "--declarations", declarations("/a").toString(), "--store", "file:" + work.resolve("store"),
                "--no-screenshots", "--webhook", hook());

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("--allow-private-network"), run.output());
        assertFalse(run.output().contains("s3cr3t"), "the webhook's secret is never printed: " + run.output());
        assertEquals(0, requests.get());
    }

    @Test
    void aWebhookUrlWithCredentialsIsRefusedWithoutPrintingThem() throws Exception {
        site.html("/a", page("Version one of A."));
        String withCredentials = "http://alice:pa55word@127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/clausecam";
        CliRun run = CliRun.run("track", "--declarations", declarations("/a").toString(), "--store", "file:" + work.resolve("store"),
                "--allow-private-network", "--no-screenshots", "--webhook", withCredentials);

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("credentials"), run.output());
        assertFalse(run.output().contains("pa55word"), run.output());
        assertEquals(0, requests.get());
        assertFalse(Files.exists(work.resolve("store")), "refused before the store was opened or created");
    }
}
