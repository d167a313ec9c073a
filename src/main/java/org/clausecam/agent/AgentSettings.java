package org.clausecam.agent;

import org.clausecam.capture.Chromium;
import org.clausecam.capture.RenderOptions;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.fetch.HttpFetchOptions;

/**
 * What an {@link Agent} is built with.
 *
 * @param pagesInFlight browser pages the one Chromium keeps loading at once (1..16)
 * @param http          plain HTTP fetching; its {@code allowPrivateNetwork} also decides whether the
 *                      browser's traffic goes through the checking proxy
 * @param policy        retries, per-host politeness, and the bound on browser captures admitted at
 *                      once ({@code maxPagesInFlight}: the bulkhead; more wait for a place)
 * @param render        how pages are rendered and pictured
 */
public record AgentSettings(int pagesInFlight, HttpFetchOptions http, FetchPolicySettings policy, RenderOptions render) {

    public AgentSettings {
        if (pagesInFlight < 1 || pagesInFlight > 16) {
            throw new IllegalArgumentException("pages in flight must be within 1..16, not " + pagesInFlight);
        }
    }

    /** The defaults of every part; private network refused. */
    public static AgentSettings defaults() {
        return new AgentSettings(Chromium.DEFAULT_PAGES_IN_FLIGHT, HttpFetchOptions.defaults(), FetchPolicySettings.defaults(),
                RenderOptions.defaults());
    }

    public boolean allowPrivateNetwork() {
        return http.allowPrivateNetwork();
    }
}
