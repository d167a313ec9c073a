package org.clausecam.agent;

import org.clausecam.capture.Chromium;
import org.clausecam.capture.PageCapturer;
import org.clausecam.capture.SourceCapturer;
import org.clausecam.capture.StandalonePageShooter;
import org.clausecam.extract.Extractor;
import org.clausecam.extract.SharedBrowserFilterRunner;
import org.clausecam.extract.SharedBrowserPdfTextReader;
import org.clausecam.fetch.FetchFigures;
import org.clausecam.fetch.GuardedProxy;
import org.clausecam.fetch.HostPolicies;
import org.clausecam.fetch.HttpFetcher;
import org.clausecam.fetch.NetworkGuard;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.track.Recorder;
import org.clausecam.track.ShrinkGuard;
import org.clausecam.track.TermsCapturer;

import java.util.Map;
import java.util.Optional;

/**
 * Everything a command captures and records with, built once from its settings and handed down
 * explicitly: the one Chromium (and its owner thread), the checking proxy the browser and the
 * HTTP fetcher go through when the private network is refused, the fetcher, the run's per-host
 * policies, and the store when the command records.
 *
 * <p>Nothing here is process-wide: two agents in one JVM (tests) share nothing. {@link #close()}
 * closes what the agent opened, once, in order: the browser first (its traffic goes through the
 * proxy, and its last jobs may still be running), then the HTTP fetcher and the proxy, then the store.
 */
public final class Agent implements AutoCloseable {

    private final AgentSettings settings;
    private final Chromium chromium;
    private final GuardedProxy proxy;
    private final HttpFetcher http;
    private final HostPolicies policies;
    private final SourceCapturer sourceCapturer;
    private final Extractor extractor;
    private final Store store;
    private boolean closed;

    private Agent(AgentSettings settings, Map<String, String> env, Store store, boolean launchBrowser) {
        this.settings = settings;
        this.store = store;
        this.chromium = new Chromium(env, settings.pagesInFlight());
        try {
            // First, so that the browser's start overlaps building the rest.
            if (launchBrowser) chromium.launchEarly();
            this.proxy = settings.allowPrivateNetwork() ? null : new GuardedProxy(new NetworkGuard(false));
            this.http = proxy == null ? new HttpFetcher(settings.http()) : new HttpFetcher(settings.http(), proxy);
            PageCapturer browser = proxy == null ? PageCapturer.unguarded(chromium) : PageCapturer.guarded(chromium, proxy);
            this.policies = new HostPolicies(settings.policy());
            this.sourceCapturer = new SourceCapturer(http, browser, policies, settings.render());
            this.extractor = new Extractor(new SharedBrowserFilterRunner(chromium), new SharedBrowserPdfTextReader(chromium));
        } catch (RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    /**
     * An agent without a store (captures written to files only, extraction). The browser starts
     * only when a page or a filter needs it.
     */
    public static Agent start(AgentSettings settings) {
        return start(settings, null, false);
    }

    /** An agent that records into {@code store}, which it closes with the rest (also when it cannot start). */
    public static Agent start(AgentSettings settings, Store store) {
        return start(settings, store, false);
    }

    /**
     * As {@link #start(AgentSettings, Store)} ({@code store} may be null), launching the browser
     * at once when {@code launchBrowser}, before anything else is built: for a command that will
     * need it, whose set-up then overlaps the browser's start (see {@link Chromium#launchEarly()}).
     */
    public static Agent start(AgentSettings settings, Store store, boolean launchBrowser) {
        try {
            return new Agent(settings, System.getenv(), store, launchBrowser);
        } catch (RuntimeException e) {
            if (store != null) {
                try {
                    store.close();
                } catch (StoreException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    public AgentSettings settings() {
        return settings;
    }

    public Chromium chromium() {
        return chromium;
    }

    /** Fetches and renders source documents under the agent's host policies. */
    public SourceCapturer sourceCapturer() {
        return sourceCapturer;
    }

    /** Extracts versions; declared filters run in the agent's Chromium. */
    public Extractor extractor() {
        return extractor;
    }

    /** Captures a terms' documents and extracts its version. */
    public TermsCapturer termsCapturer() {
        return new TermsCapturer(sourceCapturer, extractor);
    }

    /** Pictures self-contained HTML (e-mails) in the agent's Chromium, with the network cut off. */
    public StandalonePageShooter pageShooter() {
        return new StandalonePageShooter(chromium);
    }

    /** The store this agent records into, if it was given one. */
    public Optional<Store> store() {
        return Optional.ofNullable(store);
    }

    /**
     * Records into the agent's store.
     *
     * @param shrinkGuard see {@link Recorder#Recorder}; null records every version
     * @throws IllegalStateException the agent was started without a store
     */
    public Recorder recorder(String agentVersion, ShrinkGuard shrinkGuard) {
        if (store == null) throw new IllegalStateException("this agent was started without a store");
        return new Recorder(store, agentVersion, shrinkGuard);
    }

    /** What fetching did so far: requests, retries, hosts skipped, most in flight per host. */
    public FetchFigures fetchFigures() {
        return policies.figures();
    }

    /**
     * Closes the browser, then the HTTP client and the proxy, then the store; a second call does nothing.
     *
     * @throws StoreException the store failed to close (the rest is closed all the same)
     */
    @Override
    public synchronized void close() throws StoreException {
        if (closed) return;
        closed = true;
        try {
            chromium.close();
        } finally {
            try {
                http.close();
                if (proxy != null) proxy.close();
            } finally {
                if (store != null) store.close();
            }
        }
    }
}
