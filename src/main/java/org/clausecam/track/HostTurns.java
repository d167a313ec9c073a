package org.clausecam.track;

import org.clausecam.declarations.SourceDocument;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The order in which a run's workers take its terms: a free worker gets the first terms, in
 * declaration order, whose hosts may all be fetched now. Declarations come grouped by service and
 * services by host, so taking them in file order put every worker behind one host's politeness
 * gate while the other hosts idled; here a host whose gate is closed holds no worker.
 *
 * <p>It mirrors the per-host politeness of {@code fetch.HostPolicies} (requests in flight, least
 * delay between one request's start or end and the next start) with a terms as the unit: a host
 * is free when fewer than {@code maxInFlightPerHost} of its terms are being captured and its delay
 * has passed since the last one started and since the last one ended. The gates themselves stay
 * in force (retries, combined documents and re-captures go through them as before); this only
 * keeps workers from queueing at them while other work is ready.
 *
 * <p>Thread-safe: workers call {@link #take()} and {@link #done}; {@link #openAll()} (a stop, a
 * store gone) hands the rest out at once, since none of them will be fetched.
 */
final class HostTurns {

    /** One terms handed to a worker: where it sits in the run's order, and the hosts it fetches. */
    record Turn(int index, TermsJob job, Set<String> hosts) {
    }

    /** What a host allows: terms captured at once, least delay between them. */
    record Politeness(int maxInFlightPerHost, Duration minDelay) {
        Politeness {
            if (maxInFlightPerHost < 1) throw new IllegalArgumentException("maxInFlightPerHost must be at least 1");
            if (minDelay.isNegative()) throw new IllegalArgumentException("minDelay must not be negative");
        }
    }

    private static final class Host {
        int inFlight;
        long readyAt = Long.MIN_VALUE; // clock nanos; MIN_VALUE: never fetched
    }

    private final int maxInFlightPerHost;
    private final long minDelayNanos;
    private final LongSupplier clock;
    /** Waiting terms grouped by the hosts they fetch, each group in declaration order. */
    private final Map<Set<String>, ArrayDeque<Turn>> waiting = new LinkedHashMap<>();
    private final Map<String, Host> hosts = new HashMap<>();
    private int left;
    private boolean open;

    HostTurns(List<TermsJob> jobs, Politeness politeness) {
        this(jobs, politeness, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} (tests pass their own) */
    HostTurns(List<TermsJob> jobs, Politeness politeness, LongSupplier clock) {
        this.maxInFlightPerHost = politeness.maxInFlightPerHost();
        this.minDelayNanos = politeness.minDelay().toNanos();
        this.clock = clock;
        for (int i = 0; i < jobs.size(); i++) {
            Set<String> jobHosts = hostsOf(jobs.get(i));
            waiting.computeIfAbsent(jobHosts, h -> new ArrayDeque<>()).add(new Turn(i, jobs.get(i), jobHosts));
            jobHosts.forEach(h -> hosts.computeIfAbsent(h, x -> new Host()));
        }
        left = jobs.size();
    }

    /** The lower-cased hosts a terms fetches, as {@code fetch.HostPolicies} tells hosts apart. */
    static Set<String> hostsOf(TermsJob job) {
        Set<String> result = new TreeSet<>();
        for (SourceDocument document : job.terms().sourceDocuments()) {
            URI location = document.location();
            if (location != null && location.getHost() != null) {
                result.add(location.getHost().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(result);
    }

    /**
     * The next terms a worker may start now, without waiting; empty when none may (every waiting
     * terms has a busy or resting host) or none is left.
     */
    synchronized Optional<Turn> poll() {
        long now = clock.getAsLong();
        Turn best = null;
        for (ArrayDeque<Turn> group : waiting.values()) {
            Turn head = group.peekFirst();
            if (head != null && (best == null || head.index() < best.index()) && (open || free(head.hosts(), now))) {
                best = head;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        ArrayDeque<Turn> group = waiting.get(best.hosts());
        group.removeFirst();
        if (group.isEmpty()) waiting.remove(best.hosts());
        left--;
        for (String h : best.hosts()) {
            Host host = hosts.get(h);
            host.inFlight++;
            host.readyAt = later(host.readyAt, now + minDelayNanos);
        }
        return Optional.of(best);
    }

    /**
     * Waits until some terms may start and returns it, or returns empty once every terms was
     * handed out. A worker waits only while no waiting terms has a free host.
     */
    synchronized Optional<Turn> take() throws InterruptedException {
        while (true) {
            if (left == 0) return Optional.empty();
            Optional<Turn> next = poll();
            if (next.isPresent()) return next;
            long wait = nanosUntilOneMayStart();
            if (wait == Long.MAX_VALUE) {
                wait(); // every waiting terms' host is busy: a done() wakes us
            } else {
                long millis = Math.max(1, (wait + 999_999) / 1_000_000);
                wait(millis);
            }
        }
    }

    /** A worker finished the terms it took: its hosts' delays run from now. */
    synchronized void done(Turn turn) {
        long now = clock.getAsLong();
        for (String h : turn.hosts()) {
            Host host = hosts.get(h);
            host.inFlight--;
            host.readyAt = later(host.readyAt, now + minDelayNanos);
        }
        notifyAll();
    }

    /** Hands every waiting terms out at once, politeness aside: used when none of them will be fetched. */
    synchronized void openAll() {
        open = true;
        notifyAll();
    }

    /**
     * How long until a waiting terms' hosts are all rested, counting only terms whose hosts have a
     * place; {@link Long#MAX_VALUE} when every one waits for a place (a {@link #done} to come).
     */
    synchronized long nanosUntilOneMayStart() {
        long now = clock.getAsLong();
        long soonest = Long.MAX_VALUE;
        for (ArrayDeque<Turn> group : waiting.values()) {
            Set<String> groupHosts = group.getFirst().hosts();
            if (!groupHosts.stream().allMatch(h -> hosts.get(h).inFlight < maxInFlightPerHost)) continue;
            long readyAt = groupHosts.stream().mapToLong(h -> hosts.get(h).readyAt).max().orElse(Long.MIN_VALUE);
            long wait = readyAt == Long.MIN_VALUE ? 0 : Math.max(0, readyAt - now);
            soonest = Math.min(soonest, wait);
        }
        return soonest;
    }

    private boolean free(Set<String> jobHosts, long now) {
        for (String h : jobHosts) {
            Host host = hosts.get(h);
            if (host.inFlight >= maxInFlightPerHost) return false;
            if (host.readyAt != Long.MIN_VALUE && now - host.readyAt < 0) return false;
        }
        return true;
    }

    private static long later(long a, long b) {
        return a == Long.MIN_VALUE || b - a > 0 ? b : a;
    }
}
