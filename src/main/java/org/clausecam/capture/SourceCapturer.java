package org.clausecam.capture;

import org.clausecam.declarations.Selector;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.fetch.BrowserFallback;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.fetch.HttpFetcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Captures a source document the way its declaration asks, with Open Terms Archive's rule for
 * choosing the fetcher: {@code executeClientScripts: true} renders in Chromium; absent, plain
 * HTTP first and Chromium when the answer looks bot-blocked or empty; {@code false}, plain HTTP
 * only. An HTML document fetched over HTTP is pictured from the fetched bytes, so the
 * screenshot shows the snapshot that is kept.
 */
public final class SourceCapturer {

    private final HttpFetcher http;
    private final PageCapturer browser;
    private final RenderOptions renderOptions;
    private final ScreenshotOptions screenshotOptions;

    /**
     * @param renderOptions how pages are rendered; its {@code screenshot} flag also decides
     *                      whether HTTP-fetched pages are pictured
     */
    public SourceCapturer(HttpFetcher http, PageCapturer browser, RenderOptions renderOptions) {
        this.http = http;
        this.browser = browser;
        this.renderOptions = renderOptions;
        this.screenshotOptions = ScreenshotOptions.defaults()
                .withViewportWidth(renderOptions.viewportWidth())
                .withMaxHeight(renderOptions.maxScreenshotHeight())
                .withLoadTimeout(renderOptions.navigationTimeout())
                .withTimeout(renderOptions.timeout());
    }

    public CapturedSource capture(SourceDocument document) throws FetchException, CaptureException {
        Boolean executeClientScripts = document.executeClientScripts();
        if (Boolean.TRUE.equals(executeClientScripts)) return render(document);
        FetchedDocument fetched;
        try {
            fetched = http.fetch(document.location());
        } catch (FetchException e) {
            if (executeClientScripts == null && e.kind() == FetchException.Kind.BLOCKED) return render(document);
            throw e;
        }
        if (executeClientScripts == null && BrowserFallback.looksBlockedOrEmpty(fetched)) return render(document);
        Screenshot screenshot = renderOptions.screenshot() && isHtml(fetched)
                ? browser.screenshot(fetched, screenshotOptions) : null;
        return new CapturedSource(fetched, screenshot);
    }

    private CapturedSource render(SourceDocument document) throws FetchException, CaptureException {
        RenderedPage page = browser.render(document.location(), renderOptions.withWaitForSelectors(awaited(document)));
        return new CapturedSource(page.document(), page.screenshot());
    }

    /** What the extraction will look for: waiting for it lets late scripts fill the page first. */
    private static List<String> awaited(SourceDocument document) {
        List<String> selectors = new ArrayList<>();
        for (Selector s : document.select()) {
            if (s instanceof Selector.Css css) selectors.add(css.css());
            else if (s instanceof Selector.Range range) {
                selectors.add(range.start());
                selectors.add(range.end());
            }
        }
        return selectors;
    }

    private static boolean isHtml(FetchedDocument d) {
        return "text/html".equals(d.mimeType()) || "application/xhtml+xml".equals(d.mimeType());
    }
}
