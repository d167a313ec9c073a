package org.clausecam.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.GuardedProxy;
import org.clausecam.fetch.NetworkGuard;
import org.clausecam.fetch.OwnedHttpClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends webhook events from a thread of its own, so that a slow, failing or hanging receiver never
 * holds up or fails a run. Events wait in a bounded queue (when it is full an event is dropped and
 * counted); each is POSTed to every target, retried with exponential backoff on network errors,
 * 408, 429 and 5xx answers. {@link #finish()} waits a bounded time for the queue to empty, then
 * stops and counts what was left.
 *
 * <p>The network guard applies as for pages: each attempt is checked first (a refusal says why),
 * and when the private network is refused the request goes through a {@link GuardedProxy} of the
 * sender's own, which connects only to the addresses it checked (a DNS answer that changes after
 * the check gets nowhere). Redirects are not followed (one could lead past the guard), and no
 * credentials or {@code Authorization} header are sent.
 */
public final class WebhookSender {

    /** Builds an event's body when its turn comes (reading the store off the run's threads). */
    @FunctionalInterface
    public interface PendingEvent {
        WebhookEvent build() throws Exception;
    }

    /**
     * @param queueCapacity  events waiting at most
     * @param maxAttempts    attempts per event and target
     * @param firstBackoff   wait before the second attempt, doubled for each next one
     * @param requestTimeout connection and answer timeout of one attempt
     * @param flushWait      how long {@link #finish()} waits for the queue to empty
     */
    public record Settings(int queueCapacity, int maxAttempts, Duration firstBackoff, Duration requestTimeout, Duration flushWait) {
        public static Settings defaults(Duration flushWait) {
            return new Settings(256, 4, Duration.ofSeconds(1), Duration.ofSeconds(10), flushWait);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<WebhookTarget> targets;
    private final NetworkGuard guard;
    private final Settings settings;
    private final PrintStream warnings;
    private final String userAgent;
    private final GuardedProxy proxy;
    private final OwnedHttpClient http;
    private final Retry retry;
    private final BlockingQueue<PendingEvent> queue;
    private final Thread sender;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    public WebhookSender(List<WebhookTarget> targets, NetworkGuard guard, Settings settings, PrintStream warnings, String agentVersion) {
        this.targets = List.copyOf(targets);
        this.guard = guard;
        this.settings = settings;
        this.warnings = warnings;
        this.userAgent = "Clausecam/" + agentVersion + " (webhook)";
        this.proxy = guard.allowsPrivateNetwork() ? null : new GuardedProxy(guard);
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxy != null) client.proxy(ProxySelector.of(proxy.socketAddress()));
        this.http = OwnedHttpClient.build(client);
        this.retry = Retry.of("webhook", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.firstBackoff(), 2.0))
                .retryOnException(e -> e instanceof RetryableFailure)
                .build());
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.sender = new Thread(this::sendLoop, "webhook-sender");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** Queues an event; never blocks. A full queue drops it: counted, and said once. */
    public void offer(PendingEvent event) {
        if (closing || !queue.offer(event)) {
            if (dropped.incrementAndGet() == 1) {
                warnings.println("clausecam: webhook queue full (" + settings.queueCapacity()
                        + " events): dropping events; the count is given at the end of the run");
            }
        }
    }

    /** Waits up to the flush time for queued events, then stops sending; returns how delivery went. */
    public WebhookDelivery finish() {
        closing = true;
        try {
            sender.join(settings.flushWait().toMillis());
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(1000);
            }
        } catch (InterruptedException e) {
            sender.interrupt();
            Thread.currentThread().interrupt();
        }
        int undelivered = queue.size() + inFlight.get();
        http.close();
        if (proxy != null) proxy.close();
        return new WebhookDelivery(sent.get(), failed.get(), dropped.get(), undelivered);
    }

    private void sendLoop() {
        try {
            while (!closing || !queue.isEmpty()) {
                PendingEvent next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) continue;
                inFlight.incrementAndGet();
                deliver(next);
                // Not on interruption: the event cut short stays counted as undelivered.
                inFlight.decrementAndGet();
            }
        } catch (InterruptedException e) {
            // finish() stopped waiting: what is left is counted as undelivered.
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(PendingEvent pending) throws InterruptedException {
        WebhookEvent event;
        byte[] body;
        try {
            event = pending.build();
            body = JSON.writeValueAsBytes(event);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            failed.addAndGet(targets.size());
            warnings.println("clausecam: webhook event not sent: it could not be made: " + e.getMessage());
            return;
        }
        for (WebhookTarget target : targets) {
            CheckedRunnable attempt = Retry.decorateCheckedRunnable(retry, () -> post(target, body));
            try {
                attempt.run();
                sent.incrementAndGet();
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable e) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException("webhook sending stopped");
                failed.incrementAndGet();
                warnings.println("clausecam: webhook " + target.printable() + ": event " + event.event() + " of "
                        + event.service() + " / " + event.termsType() + " not delivered: " + e.getMessage());
            }
        }
    }

    private void post(WebhookTarget target, byte[] body) throws Exception {
        try {
            guard.check(target.uri());
        } catch (FetchException e) {
            throw new Exception("refused by the network guard: " + target.hidden(e.getMessage()), e);
        }
        HttpRequest request = HttpRequest.newBuilder(target.uri())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.client().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new RetryableFailure("no answer: " + target.hidden(e.toString()), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) return;
        var refused = response.headers().firstValue(GuardedProxy.REFUSED_HEADER);
        if (refused.isPresent()) throw new Exception("refused by the network guard: " + refused.get());
        if (status == 408 || status == 429 || status >= 500) throw new RetryableFailure("HTTP " + status, null);
        throw new Exception("HTTP " + status + " (not retried)");
    }

    /** A failure worth another attempt: the network, a timeout, or the receiver's 408/429/5xx. */
    private static final class RetryableFailure extends Exception {
        private static final long serialVersionUID = 1L;

        RetryableFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
