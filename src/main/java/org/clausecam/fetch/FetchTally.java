package org.clausecam.fetch;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe counters behind {@link FetchFigures}; one per run, shared by all host policies. */
final class FetchTally {

    private final Map<String, HostCounters> hosts = new ConcurrentHashMap<>();
    private final InFlight pages = new InFlight();

    void attemptStarted(String host) {
        counters(host).attempts.incrementAndGet();
        counters(host).inFlight.enter();
    }

    void attemptEnded(String host) {
        counters(host).inFlight.leave();
    }

    void retried(String host) {
        counters(host).retries.incrementAndGet();
    }

    void skipped(String host) {
        counters(host).skipped.incrementAndGet();
    }

    void pageOpened() {
        pages.enter();
    }

    void pageClosed() {
        pages.leave();
    }

    FetchFigures figures() {
        Map<String, FetchFigures.Host> perHost = new TreeMap<>();
        long attempts = 0;
        long retries = 0;
        long skipped = 0;
        for (Map.Entry<String, HostCounters> entry : hosts.entrySet()) {
            HostCounters c = entry.getValue();
            FetchFigures.Host figures = new FetchFigures.Host(
                    c.attempts.get(), c.retries.get(), c.skipped.get(), c.inFlight.max());
            perHost.put(entry.getKey(), figures);
            attempts += figures.attempts();
            retries += figures.retries();
            skipped += figures.skipped();
        }
        return new FetchFigures(attempts, retries, skipped, pages.max(), perHost);
    }

    private HostCounters counters(String host) {
        return hosts.computeIfAbsent(host, h -> new HostCounters());
    }

    private static final class HostCounters {
        final AtomicLong attempts = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final InFlight inFlight = new InFlight();
    }

    private static final class InFlight {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();

        void enter() {
            int current = now.incrementAndGet();
            max.accumulateAndGet(current, Math::max);
        }

        void leave() {
            now.decrementAndGet();
        }

        int max() {
            return max.get();
        }
    }
}
