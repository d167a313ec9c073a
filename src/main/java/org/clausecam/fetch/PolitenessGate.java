package org.clausecam.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Per-host politeness: at most {@code maxInFlight} requests to the host at once, and each request
 * starts no sooner than {@code minDelay} after the previous one to the host started or ended.
 * A follow-up (the browser asking again for a document whose plain fetch found it empty) starts
 * at once when the host's last request was its caller's own: it completes that visit, as a
 * browser's requests for a page's parts do, rather than making a new one.
 * <p>
 * Resilience4j's RateLimiter is not used for the delay because it hands out permits per refresh
 * cycle: two requests at either side of a cycle boundary may start almost together, which is
 * exactly what a site that blocks bursts notices.
 */
final class PolitenessGate {

    private final String host;
    private final Semaphore inFlight;
    private final long minDelayNanos;
    private long earliestNextStart = Long.MIN_VALUE; // System.nanoTime(); guarded by this
    private Thread lastStarter; // the thread whose request to the host started last; guarded by this

    PolitenessGate(String host, int maxInFlight, Duration minDelay) {
        this.host = host;
        this.inFlight = new Semaphore(maxInFlight, true);
        this.minDelayNanos = minDelay.toNanos();
    }

    /**
     * @param followUp whether this request completes the caller's previous one to the host; it
     *                 skips the delay only if no other request reached the host in between
     */
    FetchedDocument through(URI url, FetchAttempt attempt, boolean followUp) throws FetchException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            throw interrupted(url, e);
        }
        try {
            waitForTurn(url, followUp);
            try {
                return attempt.fetch();
            } finally {
                pushNextStart(System.nanoTime());
            }
        } finally {
            inFlight.release();
        }
    }

    private void waitForTurn(URI url, boolean followUp) throws FetchException {
        long start;
        synchronized (this) {
            long now = System.nanoTime();
            boolean atOnce = earliestNextStart == Long.MIN_VALUE || now - earliestNextStart >= 0
                    || followUp && lastStarter == Thread.currentThread();
            start = atOnce ? now : earliestNextStart;
            earliestNextStart = start + minDelayNanos;
            lastStarter = Thread.currentThread();
        }
        long wait = start - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                throw interrupted(url, e);
            }
        }
    }

    private synchronized void pushNextStart(long ended) {
        long next = ended + minDelayNanos;
        if (earliestNextStart == Long.MIN_VALUE || next - earliestNextStart > 0) {
            earliestNextStart = next;
        }
    }

    private FetchException interrupted(URI url, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new FetchException(url, FetchException.Kind.TRANSIENT,
                "interrupted while waiting for a turn at host " + host, e);
    }
}
