package org.clausecam.capture;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.NetworkGuard;

/**
 * The {@link NetworkGuard} inside the browser. Every request of a context (documents, frames,
 * subresources) passes it first through a route, and a refused one is aborted before it
 * leaves. URLs without a network (data:, blob:, about:) pass.
 *
 * <p>Playwright offers a route only the first URL of a redirect chain, so a hop that a
 * redirect sends to a refused address cannot be stopped there. Such hops are seen as requests
 * and noted; {@link #verify} then fails the capture, so that nothing a refused address sent
 * back is ever recorded. Owner thread only.
 */
final class BrowserGuard {

    private static final Set<String> LOCAL_SCHEMES = Set.of("data", "blob", "about");

    private final NetworkGuard guard;
    private final List<String> refusedRedirects = new ArrayList<>();

    private BrowserGuard(NetworkGuard guard) {
        this.guard = guard;
    }

    /** Guards a context; with private network access allowed nothing is installed. */
    static BrowserGuard install(BrowserContext context, NetworkGuard guard) {
        BrowserGuard browserGuard = new BrowserGuard(guard);
        if (!guard.allowsPrivateNetwork()) {
            context.route(url -> true, EventHandlers.tolerant(browserGuard::decide));
            context.onRequest(browserGuard::watchRedirect);
        }
        return browserGuard;
    }

    /** Fails when a redirect took the page, or one of its parts, to a refused address. */
    void verify(URI page) throws FetchException {
        if (!refusedRedirects.isEmpty()) {
            throw new FetchException(page, FetchException.Kind.PERMANENT,
                    "redirected to refused addresses in the browser: " + String.join(", ", refusedRedirects));
        }
    }

    private void decide(Route route) {
        if (permits(route.request().url())) {
            route.fallback();
        } else {
            route.abort("blockedbyclient");
        }
    }

    private void watchRedirect(Request request) {
        if (request.redirectedFrom() != null && !permits(request.url())) {
            refusedRedirects.add(request.url());
        }
    }

    private boolean permits(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return LOCAL_SCHEMES.contains(scheme) || guard.permits(uri);
    }
}
