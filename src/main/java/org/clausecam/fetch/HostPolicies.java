package org.clausecam.fetch;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.core.functions.CheckedSupplier;

import java.net.URI;
import org.clausecam.url.WebHost;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link HostPolicy} of every host met in a run, created on first use, plus one bound on
 * browser pages in flight across all hosts. One instance per run; safe to share between threads.
 * Hosts are told apart by lower-cased name only (not port), so {@code a.localhost} and
 * {@code b.localhost} are distinct hosts while two ports of one host share its politeness.
 */
public final class HostPolicies {

    private final FetchPolicySettings settings;
    private final FetchTally tally = new FetchTally();
    private final Map<String, HostPolicy> byHost = new ConcurrentHashMap<>();
    private final Bulkhead pages;

    public HostPolicies(FetchPolicySettings settings) {
        this.settings = settings;
        this.pages = Bulkhead.of("browser pages", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxPagesInFlight())
                .maxWaitDuration(settings.maxWaitForPage())
                .build());
    }

    /** Fetches {@code url} over plain HTTP under its host's policy. */
    public FetchedDocument call(URI url, FetchAttempt attempt) throws FetchException {
        return call(url, FetcherKind.HTTP, attempt);
    }

    /**
     * Fetches {@code url} under its host's policy; a {@link FetcherKind#BROWSER} attempt also
     * holds one of the browser pages, taken only once the host's turn has come so that a page is
     * never held while waiting on politeness.
     */
    public FetchedDocument call(URI url, FetcherKind kind, FetchAttempt attempt) throws FetchException {
        return call(url, kind, attempt, false);
    }

    /**
     * As {@link #call(URI, FetcherKind, FetchAttempt)} for a second request the calling thread
     * makes for a document it has just fetched (the browser, when plain HTTP found the page empty):
     * it completes that visit, so it does not wait out the host's delay again, unless another
     * request reached the host in between. Retries wait as usual.
     */
    public FetchedDocument followUp(URI url, FetcherKind kind, FetchAttempt attempt) throws FetchException {
        return call(url, kind, attempt, true);
    }

    private FetchedDocument call(URI url, FetcherKind kind, FetchAttempt attempt, boolean followUp) throws FetchException {
        return forHost(url).call(url, kind == FetcherKind.BROWSER ? () -> inPage(url, attempt) : attempt, followUp);
    }

    /** The policy of {@code url}'s host; refuses a URL with no host. */
    public HostPolicy forHost(URI url) throws FetchException {
        // The host as the browser reads it: java.net.URI has none for names such as a_b.example.
        String host = NetworkGuard.readAsBrowser(url).host().map(WebHost::serialized).orElse("");
        if (host.isEmpty()) {
            throw new FetchException(url, FetchException.Kind.PERMANENT, "URL has no host name");
        }
        return byHost.computeIfAbsent(host, h -> new HostPolicy(h, settings, tally));
    }

    public FetchPolicySettings settings() {
        return settings;
    }

    /** This run's counts so far. */
    public FetchFigures figures() {
        return tally.figures();
    }

    private FetchedDocument inPage(URI url, FetchAttempt attempt) throws FetchException {
        CheckedSupplier<FetchedDocument> held = Bulkhead.decorateCheckedSupplier(pages, () -> {
            tally.pageOpened();
            try {
                return attempt.fetch();
            } finally {
                tally.pageClosed();
            }
        });
        try {
            return held.get();
        } catch (BulkheadFullException full) {
            throw new NoPageFreeException(url, "no browser page came free within "
                    + settings.maxWaitForPage().toSeconds() + " s", full);
        } catch (FetchException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable unexpected) {
            throw new IllegalStateException("fetch attempt for " + url + " threw a checked exception it does not declare",
                    unexpected);
        }
    }
}
