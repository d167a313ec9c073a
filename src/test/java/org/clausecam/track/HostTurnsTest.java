package org.clausecam.track;

import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("unit")
class HostTurnsTest {

    private static final Duration DELAY = Duration.ofSeconds(1);
    private final AtomicLong clock = new AtomicLong(0);

    /** One terms per URL, named after its host and its place in the declarations (a1, a2, b1…). */
    private static List<TermsJob> jobs(String... names) {
        List<TermsJob> jobs = new ArrayList<>();
        for (String name : names) {
            String host = name.substring(0, 1) + ".test";
            jobs.add(new TermsJob(new Terms(name, "Terms of Service", List.of(
                    new SourceDocument(null, URI.create("http://" + host + "/" + name), List.of(), List.of(), List.of(), null)), false)));
        }
        return jobs;
    }

    private HostTurns turns(List<TermsJob> jobs, int perHost) {
        return new HostTurns(jobs, new HostTurns.Politeness(perHost, DELAY), clock::get);
    }

    private static String name(Optional<HostTurns.Turn> turn) {
        return turn.map(t -> t.job().terms().service()).orElse("(none)");
    }

    @Test
    void aFreeWorkerGetsAnotherHostsTermsWhileTheFirstHostIsBusy() {
        // Declarations come grouped by service and host: a1 a2 a3 b1 b2 c1.
        HostTurns turns = turns(jobs("a1", "a2", "a3", "b1", "b2", "c1"), 1);

        assertEquals("a1", name(turns.poll()));
        assertEquals("b1", name(turns.poll()), "a is busy: the next worker takes b's first terms, not a2");
        assertEquals("c1", name(turns.poll()));
        assertEquals("(none)", name(turns.poll()), "every host is busy: a fourth worker waits");
    }

    @Test
    void noWorkerWaitsWhileATermsOfAFreeHostIsQueued() {
        HostTurns turns = turns(jobs("a1", "a2", "a3", "b1", "b2", "c1", "c2"), 1);
        List<HostTurns.Turn> inFlight = new ArrayList<>();
        List<String> order = new ArrayList<>();
        int workers = 2;
        // A simulated run: two workers, each terms takes 400 ms, every host rests 1 s after each.
        while (order.size() < 7) {
            while (inFlight.size() < workers) {
                Optional<HostTurns.Turn> next = turns.poll();
                if (next.isEmpty()) {
                    assertTrue(noHostFree(turns), "a worker idles only when no waiting terms' host is free");
                    break;
                }
                order.add(name(next));
                inFlight.add(next.get());
            }
            clock.addAndGet(Duration.ofMillis(400).toNanos());
            if (!inFlight.isEmpty()) turns.done(inFlight.remove(0));
            if (inFlight.isEmpty() && order.size() < 7) {
                long wait = turns.nanosUntilOneMayStart();
                assertTrue(wait < Long.MAX_VALUE, "with no terms in flight, a host's rest is all that can hold the next one");
                clock.addAndGet(wait);
            }
        }
        assertEquals(List.of("a1", "b1", "c1", "a2", "b2", "c2", "a3"), order);
    }

    private boolean noHostFree(HostTurns turns) {
        return turns.nanosUntilOneMayStart() > 0;
    }

    @Test
    void aHostRestsItsDelayAfterItsTermsEndsBeforeItsNextOne() {
        HostTurns turns = turns(jobs("a1", "a2"), 1);
        HostTurns.Turn a1 = turns.poll().orElseThrow();
        clock.addAndGet(Duration.ofMillis(2500).toNanos());
        turns.done(a1);

        assertEquals("(none)", name(turns.poll()));
        assertEquals(DELAY.toNanos(), turns.nanosUntilOneMayStart());
        clock.addAndGet(DELAY.toNanos());
        assertEquals("a2", name(turns.poll()));
    }

    @Test
    void aHostAllowingTwoAtOnceGetsTwoWorkersSpacedByItsDelay() {
        HostTurns turns = turns(jobs("a1", "a2", "a3"), 2);
        assertEquals("a1", name(turns.poll()));
        assertEquals("(none)", name(turns.poll()), "the second start waits for the delay after the first");
        clock.addAndGet(DELAY.toNanos());
        assertEquals("a2", name(turns.poll()));
        clock.addAndGet(DELAY.toNanos());
        assertEquals("(none)", name(turns.poll()), "two in flight: the host has no place left");
        assertEquals(Long.MAX_VALUE, turns.nanosUntilOneMayStart());
    }

    @Test
    void aTermsFetchingFromTwoHostsWaitsUntilBothAreFree() {
        List<TermsJob> jobs = new ArrayList<>(jobs("a1"));
        jobs.add(new TermsJob(new Terms("ab", "Privacy Policy", Arrays.asList(
                new SourceDocument("one", URI.create("http://a.test/p"), List.of(), List.of(), List.of(), null),
                new SourceDocument("two", URI.create("http://B.test/p"), List.of(), List.of(), List.of(), null)), true)));
        jobs.addAll(jobs("b1"));
        HostTurns turns = turns(jobs, 1);

        assertEquals("a1", name(turns.poll()));
        assertEquals("b1", name(turns.poll()), "ab needs a, which is busy; b1 goes first");
    }

    @Test
    void onceOpenedEveryRemainingTermsIsHandedOutAtOnce() throws Exception {
        HostTurns turns = turns(jobs("a1", "a2", "a3"), 1);
        turns.poll().orElseThrow();
        turns.openAll();
        assertEquals("a2", name(turns.take()));
        assertEquals("a3", name(turns.take()));
        assertEquals("(none)", name(turns.take()), "nothing left: take returns at once");
    }
}
