package org.clausecam.capture;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.HttpHeader;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.WaitUntilState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.clausecam.fetch.BrowserFallback;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.fetch.FetcherKind;
import org.clausecam.fetch.HttpStatus;
import org.clausecam.fetch.NetworkGuard;

/**
 * Renders pages and takes full-page screenshots in the JVM's one Chromium.
 *
 * <p>Each capture gets a fresh browser context (no cookies or storage carried from one page to
 * the next), closed in a {@code finally} even after a timeout: closing the context, not the
 * page, also ends its pop-ups, workers and hanging requests.
 *
 * <p>Concurrency: captures from any number of caller threads are <em>serialized</em> on
 * {@link Chromium}'s owner thread. That is the simplest design that cannot break Playwright's
 * threading rules (its objects are not thread-safe and its events are dispatched on the calling
 * thread). The faster pattern measured in STACK.md §3 (several pages in flight driven from the
 * one thread, about 1.25x with screenshots) needs every step written as a resumable state
 * machine; it is not done yet. Callers may still run N captures "in flight": they queue, and
 * their timeouts count from when their capture starts.
 */
public final class PageCapturer {

    private final Chromium chromium;
    private final NetworkGuard guard;

    /** Uses the JVM's shared Chromium. */
    public PageCapturer(boolean allowPrivateNetwork) {
        this(Chromium.shared(), allowPrivateNetwork);
    }

    public PageCapturer(Chromium chromium, boolean allowPrivateNetwork) {
        this(chromium, new NetworkGuard(allowPrivateNetwork));
    }

    public PageCapturer(Chromium chromium, NetworkGuard guard) {
        this.chromium = chromium;
        this.guard = guard;
    }

    /**
     * Renders a page with its scripts and returns the resulting DOM, plus a full-page screenshot
     * when asked.
     *
     * @throws FetchException   a refused URL (PERMANENT), an unreachable host (TRANSIENT), a non-2xx
     *                          main answer (kind by status, BLOCKED for challenge pages; the answer is
     *                          attached), nothing received before the navigation timeout (TRANSIENT),
     *                          a download instead of a page, e.g. a PDF (PERMANENT)
     * @throws CaptureException no browser, the browser failed, or the capture outlived its timeout
     */
    public RenderedPage render(URI url, RenderOptions options) throws FetchException, CaptureException {
        guard.check(url);
        return chromium.call("rendering " + url, browser -> renderOnOwner(browser, url, options), options.timeout());
    }

    /**
     * A full-page screenshot of a document already fetched over plain HTTP: exactly those bytes
     * are rendered, with JavaScript disabled (what the HTTP fetch saw is what is pictured),
     * served at the document's own URL so that relative stylesheets and images resolve.
     *
     * @throws CaptureException for a document that is not HTML, no browser, a failed screenshot
     * @throws FetchException   the document's location is refused by the network guard
     */
    public Screenshot screenshot(FetchedDocument httpFetched, ScreenshotOptions options)
            throws FetchException, CaptureException {
        String mime = httpFetched.mimeType();
        if (mime == null || !(mime.equals("text/html") || mime.equals("application/xhtml+xml"))) {
            throw new CaptureException(httpFetched.location() + ": no screenshot of a " + mime + " document");
        }
        URI location = withoutFragment(httpFetched.location());
        guard.check(location);
        return chromium.call("screenshot of " + location,
                browser -> screenshotOnOwner(browser, httpFetched, location, options), options.timeout());
    }

    private RenderedPage renderOnOwner(Browser browser, URI url, RenderOptions options) throws Exception {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(options.viewportWidth(), 800)
                .setDeviceScaleFactor(1)
                .setUserAgent(options.userAgent() != null ? options.userAgent() : headfulUserAgent(browser))
                .setLocale(locale(options.acceptLanguage()))
                .setExtraHTTPHeaders(Map.of("Accept-Language", options.acceptLanguage()))
                .setAcceptDownloads(false)
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK));
        try {
            context.setDefaultTimeout(options.timeout().toMillis());
            BrowserGuard browserGuard = BrowserGuard.install(context, guard);
            Page page = context.newPage();
            keepToOnePage(context, page);
            AtomicReference<Response> mainResponse = trackMainResponse(page);

            boolean loadTimedOut = navigate(page, url, options.navigationTimeout(), mainResponse);
            Response main = mainResponse.get();
            browserGuard.verify(url);
            FetchedDocument document = document(page, url, main);
            if (!HttpStatus.isSuccess(document.status())) {
                FetchException.Kind kind = BrowserFallback.looksLikeChallenge(document)
                        ? FetchException.Kind.BLOCKED : HttpStatus.failureKind(document.status());
                throw new FetchException(url, kind, "HTTP " + document.statusLine() + " in the browser"
                        + (kind == FetchException.Kind.BLOCKED ? ", looks like a bot wall" : ""),
                        null, document, null);
            }
            List<String> missing = waitForSelectors(page, options.waitForSelectors(), options.selectorTimeout());
            if (!options.waitForSelectors().isEmpty()) {
                // Scripts kept building the page while we waited for the selectors.
                document = document(page, url, main);
            }
            Screenshot screenshot = options.screenshot()
                    ? FullPageShooter.take(page, options.viewportWidth(), options.maxScreenshotHeight(), deadline)
                    : null;
            browserGuard.verify(url);
            return new RenderedPage(document, screenshot, loadTimedOut, missing);
        } finally {
            context.close();
        }
    }

    private Screenshot screenshotOnOwner(Browser browser, FetchedDocument fetched, URI location,
                                         ScreenshotOptions options) throws Exception {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(options.viewportWidth(), 800)
                .setDeviceScaleFactor(1)
                .setJavaScriptEnabled(false)
                .setAcceptDownloads(false)
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK));
        try {
            context.setDefaultTimeout(options.timeout().toMillis());
            BrowserGuard browserGuard = BrowserGuard.install(context, guard);
            String target = location.toString();
            String contentType = contentType(fetched);
            Page page = context.newPage();
            keepToOnePage(context, page);
            AtomicBoolean served = new AtomicBoolean();
            // The first navigation is ours, to the document's URL (as Chromium normalized it):
            // answer it with the fetched bytes. Page routes come before the context's guard.
            page.route(url -> true, route -> {
                if (route.request().isNavigationRequest() && served.compareAndSet(false, true)) {
                    route.fulfill(new Route.FulfillOptions()
                            .setStatus(200)
                            .setContentType(contentType)
                            .setBodyBytes(fetched.content()));
                } else {
                    route.fallback();
                }
            });
            try {
                page.navigate(target, new Page.NavigateOptions()
                        .setTimeout(options.loadTimeout().toMillis())
                        .setWaitUntil(WaitUntilState.LOAD));
            } catch (TimeoutError e) {
                // A stylesheet or image that never arrives: picture what is there.
            }
            Screenshot screenshot = FullPageShooter.take(page, options.viewportWidth(), options.maxHeight(), deadline);
            browserGuard.verify(location);
            return screenshot;
        } finally {
            context.close();
        }
    }

    /** Navigates; returns whether {@code load} timed out (the page is then taken as it is). */
    private static boolean navigate(Page page, URI url, Duration timeout, AtomicReference<Response> mainResponse)
            throws FetchException {
        try {
            page.navigate(url.toString(), new Page.NavigateOptions()
                    .setTimeout(timeout.toMillis())
                    .setWaitUntil(WaitUntilState.LOAD));
            return false;
        } catch (TimeoutError e) {
            if (mainResponse.get() == null) {
                throw new FetchException(url, FetchException.Kind.TRANSIENT,
                        "no answer within " + timeout + " in the browser", e);
            }
            return true;
        } catch (PlaywrightException e) {
            throw navigationFailure(url, e);
        }
    }

    private static FetchException navigationFailure(URI url, PlaywrightException e) {
        String message = Chromium.firstLine(e);
        if (message.contains("Download is starting")) {
            return new FetchException(url, FetchException.Kind.PERMANENT,
                    "the browser was offered a download, not a page (a PDF? fetch it over plain HTTP)", e);
        }
        if (message.contains("ERR_BLOCKED_BY_CLIENT")) {
            return new FetchException(url, FetchException.Kind.PERMANENT,
                    "refused by the network guard (a redirect to a private address?): " + message, e);
        }
        if (message.contains("ERR_TOO_MANY_REDIRECTS")) {
            return new FetchException(url, FetchException.Kind.PERMANENT, "redirect loop: " + message, e);
        }
        if (message.contains("ERR_INVALID_URL") || message.contains("ERR_UNKNOWN_URL_SCHEME")) {
            return new FetchException(url, FetchException.Kind.PERMANENT, message, e);
        }
        return new FetchException(url, FetchException.Kind.TRANSIENT, "navigation failed: " + message, e);
    }

    private static AtomicReference<Response> trackMainResponse(Page page) {
        AtomicReference<Response> main = new AtomicReference<>();
        page.onResponse(response -> {
            if (response.request().isNavigationRequest() && response.frame() == page.mainFrame()) {
                main.set(response);
            }
        });
        return main;
    }

    /** Dialogs are dismissed and pop-up windows closed, so that neither can hold the capture. */
    private static void keepToOnePage(BrowserContext context, Page page) {
        page.onDialog(dialog -> dialog.dismiss());
        context.onPage(other -> {
            if (other != page) {
                other.close();
            }
        });
    }

    private static List<String> waitForSelectors(Page page, List<String> selectors, Duration budget) {
        List<String> missing = new ArrayList<>();
        long deadline = System.nanoTime() + budget.toNanos();
        for (String selector : selectors) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                page.waitForSelector(selector, new Page.WaitForSelectorOptions()
                        .setState(WaitForSelectorState.ATTACHED)
                        .setTimeout(left));
            } catch (TimeoutError e) {
                missing.add(selector + ": not found within " + budget);
            } catch (PlaywrightException e) {
                missing.add(selector + ": " + Chromium.firstLine(e));
            }
        }
        return missing;
    }

    private static FetchedDocument document(Page page, URI requested, Response main) {
        String html = page.content();
        int status = main == null ? 200 : main.status();
        Map<String, List<String>> headers = main == null ? Map.of() : headers(main.headersArray());
        String contentType = headers.containsKey("content-type") ? headers.get("content-type").get(0) : "text/html";
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        String statusLine = main == null
                ? HttpStatus.statusLine("HTTP/1.1", status, null)
                : HttpStatus.statusLine(protocol(page), status, main.statusText());
        return new FetchedDocument(requested, URI.create(page.url()), FetcherKind.BROWSER, status, statusLine,
                headers, mime.isEmpty() ? "text/html" : mime, html.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    /** The protocol of the main document as the page saw it; Playwright's response does not say. */
    private static String protocol(Page page) {
        Object hop;
        try {
            hop = page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0]; "
                    + "return n ? n.nextHopProtocol : ''; }");
        } catch (PlaywrightException e) {
            return "HTTP/1.1";
        }
        String p = hop == null ? "" : hop.toString().toLowerCase(Locale.ROOT);
        if (p.equals("h2")) return "HTTP/2";
        if (p.startsWith("h3")) return "HTTP/3";
        if (p.equals("http/1.0")) return "HTTP/1.0";
        return "HTTP/1.1";
    }

    private static Map<String, List<String>> headers(List<HttpHeader> received) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader h : received) {
            headers.computeIfAbsent(h.name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.value);
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(headers);
    }

    private static String contentType(FetchedDocument fetched) {
        List<String> values = fetched.headers() == null ? null : fetched.headers().get("content-type");
        return values == null || values.isEmpty() ? fetched.mimeType() : values.get(0);
    }

    /** Headless Chromium announces itself as "HeadlessChrome", which bot walls refuse on sight. */
    private static String headfulUserAgent(Browser browser) {
        return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                + browser.version() + " Safari/537.36";
    }

    private static String locale(String acceptLanguage) {
        String first = acceptLanguage == null ? "" : acceptLanguage.split(",")[0].split(";")[0].strip();
        return first.isEmpty() ? "en-US" : first;
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }
}
