package org.clausecam.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clausecam.declarations.FilterRef;
import org.clausecam.declarations.Selector;
import org.clausecam.declarations.SourceDocument;

/**
 * Runs {@code .filters.js} functions as ES modules in Chromium, through Playwright. The snapshot
 * is parsed with {@code DOMParser} in an empty page served at the snapshot's real location, so
 * {@code link.href} resolves as it did when it was fetched, while the snapshot's own scripts
 * never run and {@code <noscript>} content is parsed as markup: a document without scripting,
 * as Open Terms Archive's is. Every other request is aborted. Built-in filter:
 * {@code removeQueryParams}.
 *
 * <p>{@link #withNode22UrlSearchParams()} reproduces a difference between the JavaScript runtimes
 * Open Terms Archive recorded with: up to Node 22, {@code new URLSearchParams(null)} is empty;
 * browsers and Node 24 read it as {@code "null"}. Open Terms Archive's production ran Node 22 or
 * older for versions recorded by engines before 14.0.0.
 *
 */
public final class BrowserFilterRunner implements FilterRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNNER_SCRIPT = readResource("filter-runner.js");

    private final Browser browser;
    private final boolean node22UrlSearchParams;

    /**
     * A runner on a browser someone else owns (an agent's one Chromium): it opens a context per
     * document and never closes the browser. Use it from the thread that drives that browser.
     */
    public BrowserFilterRunner(Browser browser) {
        this(browser, false);
    }

    private BrowserFilterRunner(Browser browser, boolean node22UrlSearchParams) {
        this.browser = browser;
        this.node22UrlSearchParams = node22UrlSearchParams;
    }

    /** A runner on the same browser whose filters see Node 22's {@code URLSearchParams(null)}. */
    public BrowserFilterRunner withNode22UrlSearchParams() {
        return new BrowserFilterRunner(browser, true);
    }

    @Override
    public BrowserFilterRunner forEngine(RecordingEngine engine) {
        return engine.ranOnNode22() == node22UrlSearchParams ? this : new BrowserFilterRunner(browser, engine.ranOnNode22());
    }

    @Override
    public String apply(String html, URI location, List<FilterRef> filters, String filtersSource) throws ExtractionException {
        return run(html, location, location.toString(), filters, List.of(), List.of(), filtersSource);
    }

    @Override
    public String apply(String html, URI location, SourceDocument document, String filtersSource) throws ExtractionException {
        return run(html, location, DocumentUrl.of(document, location), document.filters(), document.select(), document.remove(),
                filtersSource);
    }

    /** @param url the page's URL, {@code location} as a browser serialises it (see {@link DocumentUrl}) */
    private String run(String html, URI location, String url, List<FilterRef> filters, List<Selector> select, List<Selector> remove,
                       String filtersSource) throws ExtractionException {
        try (BrowserContext context = browser.newContext()) {
            context.route("**/*", route -> serveEmptyPage(route, url));
            Page page = context.newPage();
            // An empty page served by the route: well within the filters' deadline (SharedBrowserFilterRunner).
            page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED).setTimeout(10_000));
            Object result = page.evaluate(RUNNER_SCRIPT, arguments(html, url, filters, select, remove, filtersSource));
            String outcome = String.valueOf(result);
            if (outcome.startsWith("error:")) {
                throw new FilterException(outcome.substring("error:".length()) + " (filters of " + location + ")");
            }
            return outcome.substring("html:".length());
        } catch (PlaywrightException e) {
            throw new ExtractionException("Running filters " + names(filters) + " on " + location + " failed: "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static void serveEmptyPage(Route route, String url) {
        if (route.request().isNavigationRequest()) {
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=utf-8")
                    .setBody("<!DOCTYPE html><html><head></head><body></body></html>"));
        } else {
            route.abort();
        }
    }

    private String arguments(String html, String url, List<FilterRef> filters, List<Selector> select, List<Selector> remove,
                             String filtersSource) {
        ObjectNode args = JSON.createObjectNode();
        args.set("select", selectors(select));
        args.set("remove", selectors(remove));
        args.put("html", html);
        args.put("source", filtersSource == null ? "" : filtersSource);
        args.put("location", url);
        args.put("node22UrlSearchParams", node22UrlSearchParams);
        ArrayNode list = args.putArray("filters");
        for (FilterRef filter : filters) {
            ObjectNode f = list.addObject();
            f.put("name", filter.name());
            if (filter.params() != null) f.set("params", filter.params());
        }
        return args.toString();
    }

    private static ArrayNode selectors(List<Selector> selectors) {
        ArrayNode array = JSON.createArrayNode();
        for (Selector selector : selectors) {
            if (selector instanceof Selector.Css css) {
                array.add(css.css());
            } else if (selector instanceof Selector.Range range) {
                ObjectNode object = array.addObject();
                if (range.startBefore() != null) object.put("startBefore", range.startBefore());
                if (range.startAfter() != null) object.put("startAfter", range.startAfter());
                if (range.endBefore() != null) object.put("endBefore", range.endBefore());
                if (range.endAfter() != null) object.put("endAfter", range.endAfter());
            }
        }
        return array;
    }

    private static String names(List<FilterRef> filters) {
        return filters.stream().map(FilterRef::name).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("message='([^\n']*)").matcher(message);
        if (m.find()) return m.group(1);
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String readResource(String name) {
        try (InputStream in = BrowserFilterRunner.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
