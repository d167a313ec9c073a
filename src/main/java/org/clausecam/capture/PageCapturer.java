package org.clausecam.capture;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.HttpHeader;
import com.microsoft.playwright.options.Proxy;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.clausecam.fetch.ChallengeDetector;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.fetch.FetcherKind;
import org.clausecam.fetch.GuardedProxy;
import org.clausecam.fetch.HttpStatus;
import org.clausecam.fetch.NetworkGuard;
import org.clausecam.url.WebUrl;

/**
 * Renders pages and takes full-page screenshots in its agent's one Chromium.
 *
 * <p>Each capture gets a fresh browser context (no cookies or storage carried from one page to
 * the next), closed in a {@code finally} even after a timeout: closing the context, not the
 * page, also ends its pop-ups, workers and hanging requests.
 *
 * <p>Concurrency: any number of caller threads may capture at once. Their captures run on
 * {@link Chromium}'s owner thread, the only one that touches Playwright (its objects are not
 * thread-safe), with up to {@link Chromium#pagesInFlight()} pages loading at once: each capture
 * is a {@link BrowserJob} whose start requests the navigation without waiting, and whose finish
 * waits for load, then selectors and screenshot, while the other pages keep loading. The
 * screenshots themselves still happen one at a time. With 1 page in flight this is plain
 * serialization. Each caller's timeout counts from when its capture starts.
 *
 * <p>Bounds: everything a page receives counts against {@link #PAGE_BYTE_BUDGET}; calls into the
 * page's scripts get a deadline ({@link PageScripts}), past which Chromium's watchdog takes the
 * browser back and the capture fails as a browser failure that says so.
 */
public final class PageCapturer {

    /** Largest page kept from the browser, as for plain HTTP ({@code HttpFetchOptions.defaults()}): 50 MiB. */
    static final long MAX_PAGE_BYTES = 50L * 1024 * 1024;

    /**
     * What one page may receive in all, main document, frames and subresources together; past it
     * loading stops and the page is taken as it is, with a note ({@link PageByteBudget}). The same
     * 50 MiB: a page whose parts outweigh the largest document kept is hostile or broken.
     */
    static final long PAGE_BYTE_BUDGET = MAX_PAGE_BYTES;

    /**
     * What the documents in a page's frames may receive together: 8 MiB of HTML is a large
     * document already, and laid-out text costs a renderer some 25 times its size.
     */
    static final long FRAME_DOCUMENTS_BYTE_BUDGET = 8L * 1024 * 1024;

    /**
     * The least time a page's scripts get to yield to a call into the page (reading its content,
     * evaluating in it); it is the navigation timeout when that is longer. Such calls take
     * milliseconds on a page whose scripts yield; past this the browser is taken back.
     */
    static final Duration MIN_SCRIPT_DEADLINE = Duration.ofSeconds(5);

    private final Chromium chromium;
    private final NetworkGuard guard;
    private final GuardedProxy proxy;

    /** Renders anything, private network included ({@code --allow-private-network}, tests). */
    public static PageCapturer unguarded(Chromium chromium) {
        return new PageCapturer(chromium, new NetworkGuard(true), null);
    }

    /** Sends every request of its pages through {@code proxy}, which checks it with its guard. */
    public static PageCapturer guarded(Chromium chromium, GuardedProxy proxy) {
        return new PageCapturer(chromium, proxy.guard(), proxy);
    }

    private PageCapturer(Chromium chromium, NetworkGuard guard, GuardedProxy proxy) {
        this.chromium = chromium;
        this.guard = guard;
        this.proxy = proxy;
    }

    /**
     * Renders a page with its scripts and returns the resulting DOM, plus a full-page screenshot
     * when asked.
     *
     * @throws FetchException   a refused URL (PERMANENT), an unreachable host (TRANSIENT), a non-2xx
     *                          main answer (kind by status, BLOCKED for challenge pages; the answer is
     *                          attached), nothing received before the navigation timeout (TRANSIENT),
     *                          a download instead of a page, e.g. a PDF (PERMANENT), a redirect to a
     *                          refused address (PERMANENT)
     * @throws CaptureException no browser, the browser failed, or the capture outlived its timeout
     */
    public RenderedPage render(URI url, RenderOptions options) throws FetchException, CaptureException {
        guard.check(url);
        return chromium.call("rendering " + url, browser -> startRender(browser, url, options), options.timeout());
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
        return picture(httpFetched, options, false).screenshot();
    }

    /**
     * As {@link #screenshot}, also keeping the responses the page loaded for its picture
     * (stylesheets, images, fonts: {@link PageResource}) when {@code keepResources}, so that a
     * document fetched over plain HTTP can be replayed too.
     */
    public PicturedDocument picture(FetchedDocument httpFetched, ScreenshotOptions options, boolean keepResources)
            throws FetchException, CaptureException {
        String mime = httpFetched.mimeType();
        if (!isHtml(mime)) {
            throw new CaptureException(httpFetched.location() + ": no screenshot of a " + mime + " document");
        }
        URI location = withoutFragment(httpFetched.location());
        guard.check(location);
        return chromium.call("screenshot of " + location,
                browser -> startScreenshot(browser, httpFetched, location, options, keepResources), options.timeout());
    }

    private BrowserJob.InFlight<RenderedPage> startRender(Browser browser, URI url, RenderOptions options) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        BrowserContext context = CaptureContexts.open(browser, CaptureContexts.options(options.viewportWidth())
                .setUserAgent(options.userAgent() != null ? options.userAgent() : headfulUserAgent(browser))
                .setLocale(locale(options.acceptLanguage()))
                .setExtraHTTPHeaders(Map.of("Accept-Language", options.acceptLanguage()))
                .setProxy(proxy()), options.timeout());
        try {
            BrowserGuard browserGuard = BrowserGuard.install(context, guard);
            Page page = context.newPage();
            keepToOnePage(context, page);
            PageByteBudget budget = PageByteBudget.watch(context, page, PAGE_BYTE_BUDGET, FRAME_DOCUMENTS_BYTE_BUDGET);
            PageSettle settle = PageSettle.watch(page, options.settleQuiet(), options.maxSettle());
            ResourceRecorder resources = options.keepResources() ? ResourceRecorder.watch(page, MAX_PAGE_BYTES, PAGE_BYTE_BUDGET) : null;
            PendingNavigation navigation = PendingNavigation.start(page, url, options.navigationTimeout(), MAX_PAGE_BYTES);
            navigation.endEarlyWhen(budget::exceeded);
            BrowserJob.InFlight<RenderedPage> finish = () -> {
                try {
                    return finishRender(page, url, options, navigation, settle, browserGuard, budget, resources, deadline);
                } finally {
                    context.close();
                }
            };
            // Ready once the navigation ended and, for a page that loaded, once it settled: the
            // owner thread serves the other pages meanwhile.
            return afterNavigation(navigation, () -> !waitsToSettle(navigation, settle, budget) || settle.done(), finish);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * Whether the page is one to wait for after {@code load}: an HTML page that loaded with a
     * successful answer. Failures, downloads, PDFs and pages over their byte budget are finished
     * at once. No call into the page (headers of the main answer are already here).
     */
    private static boolean waitsToSettle(PendingNavigation navigation, PageSettle settle, PageByteBudget budget) {
        if (!navigation.loaded() || navigation.gone() || !settle.loaded() || budget.exceeded()) {
            return false;
        }
        Response main = navigation.mainResponse();
        return main != null && HttpStatus.isSuccess(main.status()) && isHtml(mime(main.headers().get("content-type")));
    }

    private RenderedPage finishRender(Page page, URI url, RenderOptions options, PendingNavigation navigation, PageSettle settle,
                                      BrowserGuard browserGuard, PageByteBudget budget, ResourceRecorder resources,
                                      long deadline) throws Exception {
        boolean loadTimedOut;
        try {
            loadTimedOut = navigation.await();
        } catch (FetchException e) {
            // A refused redirect hop fails the navigation too: say that, not "tunnel failed".
            browserGuard.verify(url);
            if (budget.exceeded() && e.kind() == FetchException.Kind.TRANSIENT) {
                // Loading was stopped while the main document was still arriving: it is cut, and
                // would be cut again on a retry.
                throw new FetchException(url, FetchException.Kind.PERMANENT, "the page exceeded " + Watchdog.mebibytes(PAGE_BYTE_BUDGET)
                        + " MiB (all its responses together) before its main document was complete", e);
            }
            throw e;
        }
        browserGuard.verify(url);
        Response main = navigation.mainResponse();
        PageScripts scripts = new PageScripts(chromium, page, scriptDeadline(options));
        Answer answer = answer(scripts, main);
        List<String> refusal = answer.headers().get(GuardedProxy.REFUSED_HEADER.toLowerCase(Locale.ROOT));
        if (refusal != null) {
            throw new FetchException(url, FetchException.Kind.PERMANENT, "the browser was refused " + refusal.get(0));
        }
        if (!HttpStatus.isSuccess(answer.status())) {
            FetchedDocument document = document(scripts, url, answer, read(scripts));
            FetchException.Kind kind = ChallengeDetector.challenge(document).isPresent()
                    ? FetchException.Kind.BLOCKED : HttpStatus.failureKind(document.status());
            throw new FetchException(url, kind, "answered " + document.statusLine() + " in the browser"
                    + (kind == FetchException.Kind.BLOCKED ? ", looks like a bot wall" : ""),
                    null, document, null);
        }
        if (!isHtml(answer.mime())) {
            FetchedDocument viewer = document(scripts, url, answer, new byte[0]);
            return new RenderedPage(servedBytes(page, url, viewer, deadline), null, loadTimedOut, List.of(), budget.overrun(),
                    Settling.NOT_WAITED, false);
        }
        Settling settling = Settling.NOT_WAITED;
        if (waitsToSettle(navigation, settle, budget)) {
            // Normally done already (the rolling window finishes a job once it is ready).
            settle.await();
            settling = settle.outcome();
        }
        // Declared selectors on top (Open Terms Archive's wait): scripts may still be building them.
        List<String> missing = waitForSelectors(page, options.waitForSelectors(), options.selectorTimeout());
        byte[] html = read(scripts);
        checkSize(url, html);
        Screenshot screenshot = null;
        boolean changedWhilePictured = false;
        if (options.screenshot()) {
            screenshot = shoot(page, options.viewportWidth(), options.maxScreenshotHeight(), options.hideSelectors(), deadline);
            byte[] after = read(scripts);
            if (!Arrays.equals(html, after)) {
                if (settling.settled()) {
                    // A settled page changed while it was pictured (a late timer, an image's
                    // handler): picture it once more, so that the snapshot, the version and the
                    // screenshot show one page.
                    checkSize(url, after);
                    html = after;
                    screenshot = shoot(page, options.viewportWidth(), options.maxScreenshotHeight(),
                            options.hideSelectors(), deadline);
                    changedWhilePictured = !Arrays.equals(html, read(scripts));
                } else {
                    // A page that never settled would change again: said, not chased.
                    changedWhilePictured = true;
                }
            }
        }
        browserGuard.verify(url);
        return new RenderedPage(document(scripts, url, answer, html), screenshot, loadTimedOut, missing, budget.overrun(),
                settling, changedWhilePictured, resources == null ? List.of() : resources.kept());
    }

    private Screenshot shoot(Page page, int width, int maxHeight, List<String> hide, long deadline) throws CaptureException {
        long started = System.nanoTime();
        try {
            return FullPageShooter.take(page, width, maxHeight, hide, deadline);
        } finally {
            chromium.countStep("screenshot", started);
        }
    }

    private static void checkSize(URI url, byte[] html) throws FetchException {
        if (html.length > MAX_PAGE_BYTES) {
            // No length announced (chunked) and no end in time: bounded on what arrived.
            throw new FetchException(url, FetchException.Kind.PERMANENT, "page at " + url + " exceeds the limit of "
                    + MAX_PAGE_BYTES + " bytes (" + html.length + " bytes rendered)");
        }
    }

    /**
     * A PDF (or other non-HTML answer) that Chromium shows in its viewer: the page's content and
     * even the response body are then the viewer's markup, so the bytes are asked again through
     * the context's own request client (same cookies), from the final URL without redirects.
     */
    private FetchedDocument servedBytes(Page page, URI url, FetchedDocument document, long deadline)
            throws FetchException {
        URI location = locationOf(page);
        guard.check(location);
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        APIResponse answer = page.context().request().get(location.toString(),
                RequestOptions.create().setMaxRedirects(0).setTimeout(left));
        try {
            if (!HttpStatus.isSuccess(answer.status())) {
                throw new FetchException(url, HttpStatus.failureKind(answer.status()), "the browser showed a "
                        + document.mimeType() + " but fetching its bytes answered HTTP " + answer.status());
            }
            return new FetchedDocument(document.requested(), location, document.fetcher(), document.status(),
                    document.statusLine(), document.headers(), document.mimeType(), answer.body(), document.fetchedAt());
        } finally {
            answer.dispose();
        }
    }

    private BrowserJob.InFlight<PicturedDocument> startScreenshot(Browser browser, FetchedDocument fetched, URI location,
                                                                  ScreenshotOptions options, boolean keepResources) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        BrowserContext context = CaptureContexts.open(browser, CaptureContexts.options(options.viewportWidth())
                .setJavaScriptEnabled(false)
                .setProxy(proxy()), options.timeout());
        try {
            BrowserGuard browserGuard = BrowserGuard.install(context, guard);
            String contentType = contentType(fetched);
            Page page = context.newPage();
            keepToOnePage(context, page);
            boolean[] served = {false};
            // The first navigation is ours, to the document's URL (as Chromium normalized it):
            // answer it with the fetched bytes. Page routes come before the context's guard.
            page.route(url -> true, EventHandlers.tolerant(route -> {
                if (!served[0] && route.request().isNavigationRequest()) {
                    served[0] = true;
                    route.fulfill(new Route.FulfillOptions()
                            .setStatus(200)
                            .setContentType(contentType)
                            .setBodyBytes(fetched.content()));
                } else {
                    route.fallback();
                }
            }));
            // Frames and images of the fetched document are bounded too; the picture shows what came.
            PageByteBudget budget = PageByteBudget.watch(context, page, PAGE_BYTE_BUDGET, FRAME_DOCUMENTS_BYTE_BUDGET);
            ResourceRecorder resources = keepResources ? ResourceRecorder.watchSubresources(page, MAX_PAGE_BYTES, PAGE_BYTE_BUDGET) : null;
            PendingNavigation navigation = PendingNavigation.start(page, location, options.loadTimeout());
            navigation.endEarlyWhen(budget::exceeded);
            return afterNavigation(navigation, () -> {
                try {
                    // A stylesheet or image that never arrives only means picturing what is there.
                    navigation.await();
                    Screenshot screenshot = shoot(page, options.viewportWidth(), options.maxHeight(), options.hideSelectors(), deadline);
                    browserGuard.verify(location);
                    return new PicturedDocument(screenshot, resources == null ? List.of() : resources.kept());
                } finally {
                    context.close();
                }
            });
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** A started job that is ready to finish once its navigation settled (see {@link Chromium}'s rolling window). */
    private static <T> BrowserJob.InFlight<T> afterNavigation(PendingNavigation navigation, BrowserJob.InFlight<T> finish) {
        return afterNavigation(navigation, () -> true, finish);
    }

    /**
     * A started job that is ready to finish once its navigation settled and {@code thenReady}
     * holds; {@code thenReady} is asked only after the navigation settled and must not call
     * into Playwright.
     */
    private static <T> BrowserJob.InFlight<T> afterNavigation(PendingNavigation navigation, BooleanSupplier thenReady,
                                                              BrowserJob.InFlight<T> finish) {
        return new BrowserJob.InFlight<>() {
            @Override
            public T finish() throws Exception {
                return finish.finish();
            }

            @Override
            public boolean ready() {
                return navigation.settled() && thenReady.getAsBoolean();
            }

            @Override
            public void dispatchEvents(BooleanSupplier until, long millis) {
                navigation.dispatchEvents(until, millis);
            }
        };
    }

    /**
     * The proxy guarded contexts send everything through; none when private network access is
     * allowed (then nothing is refused and traffic goes direct).
     */
    private Proxy proxy() {
        if (proxy == null) {
            return null;
        }
        // "<-loopback>": Chromium otherwise sends localhost straight past any proxy.
        return new Proxy(proxy.address()).setBypass("<-loopback>");
    }

    private static boolean isHtml(String mime) {
        return mime != null && (mime.equals("text/html") || mime.equals("application/xhtml+xml"));
    }

    /** Dialogs are dismissed and pop-up windows closed, so that neither can hold the capture. */
    private static void keepToOnePage(BrowserContext context, Page page) {
        page.onDialog(EventHandlers.tolerant(dialog -> dialog.dismiss()));
        context.onPage(EventHandlers.tolerant(other -> {
            if (other != page) {
                other.close();
            }
        }));
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

    private static Duration scriptDeadline(RenderOptions options) {
        return options.navigationTimeout().compareTo(MIN_SCRIPT_DEADLINE) > 0 ? options.navigationTimeout() : MIN_SCRIPT_DEADLINE;
    }

    /** The main answer as the browser received it: status line, headers, media type. */
    private record Answer(int status, String statusLine, Map<String, List<String>> headers, String mime) {
    }

    private static Answer answer(PageScripts scripts, Response main) {
        int status = main == null ? 200 : main.status();
        Map<String, List<String>> headers = main == null ? Map.of() : headers(main.headersArray());
        String mime = mime(headers.containsKey("content-type") ? headers.get("content-type").get(0) : null);
        String statusLine = main == null
                ? HttpStatus.statusLine("HTTP/1.1", status, null)
                : HttpStatus.statusLine(protocol(scripts), status, main.statusText());
        return new Answer(status, statusLine, headers, mime);
    }

    /** The media type of a {@code Content-Type}, {@code text/html} when there is none. */
    private static String mime(String contentType) {
        if (contentType == null) {
            return "text/html";
        }
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return mime.isEmpty() ? "text/html" : mime;
    }

    /** The rendered page, serialized as UTF-8 whatever the page's charset. */
    private static byte[] read(PageScripts scripts) {
        return scripts.call("reading the rendered page", scripts.page()::content).getBytes(StandardCharsets.UTF_8);
    }

    private static FetchedDocument document(PageScripts scripts, URI requested, Answer answer, byte[] content) {
        return new FetchedDocument(requested, locationOf(scripts.page()), FetcherKind.BROWSER, answer.status(),
                answer.statusLine(), answer.headers(), answer.mime(), content, Instant.now());
    }

    /** The protocol of the main document as the page saw it; Playwright's response does not say. */
    private static String protocol(PageScripts scripts) {
        Object hop;
        try {
            hop = scripts.call("reading the protocol of the page", () -> scripts.page().evaluate(
                    "() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.nextHopProtocol : ''; }"));
        } catch (PlaywrightException e) {
            // A page navigating away again: the status line falls back to HTTP/1.1.
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

    /**
     * The page's URL as Chromium serialises it, which may hold what java.net.URI refuses ({@code |}
     * in a query, {@code [} in a path): read with the agent's URL parser, in the form URI holds.
     */
    private static URI locationOf(Page page) {
        return WebUrl.create(page.url(), null).toUri();
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }
}
