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
import org.clausecam.url.WebUrl;

/**
 * The {@link NetworkGuard} inside the browser, first layer: every request of a context
 * (documents, frames, subresources) passes a route, and a refused one is aborted before it
 * leaves, with a clear {@code ERR_BLOCKED_BY_CLIENT}. URLs without a network (data:, blob:,
 * about:) pass.
 *
 * <p>Playwright offers a route only the first URL of a redirect chain; the hops after it are
 * stopped by the second layer, {@link GuardedProxy}, through which guarded contexts connect.
 * They are also seen here as requests and noted, and {@link #verify} then fails the capture
 * with a message that names them. Owner thread only.
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
            // Chromium's URLs are WHATWG-serialised; java.net.URI alone refuses some ("a|b", "{x}").
            uri = WebUrl.create(url, null).toUri();
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return LOCAL_SCHEMES.contains(scheme) || guard.permits(uri);
    }
}
