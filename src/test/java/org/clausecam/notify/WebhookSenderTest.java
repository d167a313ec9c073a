package org.clausecam.notify;

import com.sun.net.httpserver.HttpServer;
import org.clausecam.fetch.NetworkGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook sender's bounds, against a loopback receiver that never answers. */
class WebhookSenderTest {

    private HttpServer receiver;
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final WebhookEvent event = new WebhookEvent("terms-changed", "S", "T", "1", null, null, null, null, null, null, null, null,
            "test");

    private WebhookSender sender(String path, NetworkGuard guard, ByteArrayOutputStream said) {
        return new WebhookSender(List.of(WebhookTarget.parse("http://127.0.0.1:" + receiver.getAddress().getPort() + path)), guard,
                new WebhookSender.Settings(1, 2, Duration.ofMillis(10), Duration.ofSeconds(30), Duration.ofSeconds(20)),
                new PrintStream(said, true, StandardCharsets.UTF_8), "test");
    }

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/ok", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/", exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        receiver.stop(0);
    }

    @Test
    void aFullQueueDropsEventsCountsThemAndSaysSoOnce() {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        WebhookSender sender = new WebhookSender(
                List.of(WebhookTarget.parse("http://127.0.0.1:" + receiver.getAddress().getPort() + "/")), new NetworkGuard(true),
                new WebhookSender.Settings(1, 1, Duration.ofMillis(10), Duration.ofSeconds(30), Duration.ofMillis(200)),
                new PrintStream(said, true, StandardCharsets.UTF_8), "test");

        for (int i = 0; i < 6; i++) sender.offer(() -> event);
        WebhookDelivery delivery = sender.finish();

        assertEquals(0, delivery.sent());
        assertEquals(6, delivery.sent() + delivery.failed() + delivery.dropped() + delivery.undelivered(), delivery.toString());
        assertTrue(delivery.dropped() >= 4, "one event in flight and one queued at most: " + delivery);
        assertEquals(1, said.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("queue full")).count());
    }

    @Test
    void withThePrivateNetworkRefusedEventsGoThroughTheGuardedProxyToAnAllowedHost() {
        WebhookSender sender = sender("/ok", NetworkGuard.allowingOnly(java.util.Set.of("127.0.0.1")), new ByteArrayOutputStream());

        sender.offer(() -> event);
        WebhookDelivery delivery = sender.finish();

        assertEquals(new WebhookDelivery(1, 0, 0, 0), delivery);
        assertEquals(1, bodies.size());
        assertTrue(bodies.get(0).contains("\"event\":\"terms-changed\""), bodies.get(0));
    }

    @Test
    void aReceiverTheGuardRefusesIsNeverContactedAndTheEventCountsAsFailed() {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        WebhookSender sender = sender("/ok", new NetworkGuard(false), said);

        sender.offer(() -> event);
        WebhookDelivery delivery = sender.finish();

        assertEquals(new WebhookDelivery(0, 1, 0, 0), delivery);
        assertEquals(0, bodies.size());
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("network guard"), said.toString(StandardCharsets.UTF_8));
    }
}
