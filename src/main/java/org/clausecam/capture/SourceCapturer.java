package org.clausecam.capture;

import org.clausecam.declarations.Selector;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.fetch.BrowserFallback;
import org.clausecam.fetch.FetchAttempt;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.ChallengeDetector;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.fetch.FetchFigures;
import org.clausecam.fetch.FetcherKind;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.fetch.HostPolicies;
import org.clausecam.fetch.HttpFetcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Captures a source document the way its declaration asks, with Open Terms Archive's rule for
 * choosing the fetcher: {@code executeClientScripts: true} renders in Chromium; absent, plain
 * HTTP first and Chromium when the answer looks bot-blocked or empty; {@code false}, plain HTTP
 * only. An HTML document fetched over HTTP is pictured from the fetched bytes, so the
 * screenshot shows the snapshot that is kept.
 *
 * <p>Every fetch and render goes through the run's {@link HostPolicies}: retries of transient
 * failures, a circuit breaker and politeness per host, a bound on browser pages in flight. A bot
 * wall is a failure inside the attempt, so that it counts against its host.
 */
public final class SourceCapturer {

    private final HttpFetcher http;
    private final PageCapturer browser;
    private final HostPolicies policies;
    private final RenderOptions renderOptions;
    private final ScreenshotOptions screenshotOptions;

    /**
     * @param renderOptions how pages are rendered; its {@code screenshot} flag also decides
     *                      whether HTTP-fetched pages are pictured
     */
    public SourceCapturer(HttpFetcher http, PageCapturer browser, HostPolicies policies, RenderOptions renderOptions) {
        this.http = http;
        this.browser = browser;
        this.policies = policies;
        this.renderOptions = renderOptions;
        this.screenshotOptions = ScreenshotOptions.builder()
                .viewportWidth(renderOptions.viewportWidth())
                .maxHeight(renderOptions.maxScreenshotHeight())
                .loadTimeout(renderOptions.navigationTimeout())
                .timeout(renderOptions.timeout())
                .hideSelectors(renderOptions.hideSelectors())
                .build();
    }

    /** The per-host politeness every fetch and render goes through. */
    public FetchPolicySettings politeness() {
        return policies.settings();
    }

    public CapturedSource capture(SourceDocument document) throws FetchException, CaptureException {
        Boolean executeClientScripts = document.executeClientScripts();
        if (Boolean.TRUE.equals(executeClientScripts)) return render(document, false);
        // A host plain HTTP cannot request (a_b.example) goes to the browser, which can.
        if (executeClientScripts == null && !HttpFetcher.canRequest(document.location())) return render(document, false);
        FetchedDocument fetched;
        try {
            fetched = policies.call(document.location(), FetcherKind.HTTP,
                    () -> ChallengeDetector.requireNoChallenge(http.fetch(document.location())));
        } catch (FetchException e) {
            if (executeClientScripts == null && e.kind() == FetchException.Kind.BLOCKED) return render(document, false);
            throw e;
        }
        // The browser asks again for what plain HTTP just fetched: the same visit, not a new one.
        if (executeClientScripts == null && BrowserFallback.looksBlockedOrEmpty(fetched)) return render(document, true);
        PicturedDocument pictured = renderOptions.screenshot() && isHtml(fetched)
                ? browser.picture(fetched, screenshotOptions, renderOptions.keepResources()) : PicturedDocument.NONE;
        List<String> notes = new ArrayList<>();
        noteTruncation(document, pictured.screenshot(), notes);
        return new CapturedSource(fetched, pictured.screenshot(), notes, Settling.NOT_WAITED, pictured.resources());
    }

    /** @param followUp whether plain HTTP has just fetched the document (see {@link HostPolicies#followUp}) */
    private CapturedSource render(SourceDocument document, boolean followUp) throws FetchException, CaptureException {
        RenderOptions options = renderOptions.toBuilder().waitForSelectors(awaited(document)).build();
        AtomicReference<RenderedPage> rendered = new AtomicReference<>();
        FetchAttempt attempt = () -> {
            try {
                rendered.set(browser.render(document.location(), options));
            } catch (CaptureException e) {
                throw new BrowserFailure(e);
            }
            return ChallengeDetector.requireNoChallenge(rendered.get().document());
        };
        try {
            if (followUp) policies.followUp(document.location(), FetcherKind.BROWSER, attempt);
            else policies.call(document.location(), FetcherKind.BROWSER, attempt);
        } catch (BrowserFailure e) {
            throw e.cause;
        }
        RenderedPage page = rendered.get();
        List<String> notes = new ArrayList<>();
        if (page.loadTimedOut()) {
            notes.add(document.location() + ": the page did not finish loading within "
                    + options.navigationTimeout().toSeconds() + " s; taken as it was");
        }
        if (page.settling().note() != null) {
            notes.add(document.location() + ": " + page.settling().note());
        }
        page.missingSelectors().forEach(missing -> notes.add(document.location() + ": awaited selector " + missing));
        page.optionalOverrun().ifPresent(overrun -> notes.add(document.location() + ": " + overrun.note()));
        if (page.changedWhilePictured()) {
            notes.add(document.location() + ": the page kept changing while it was pictured; "
                    + "the screenshot may show another moment than the snapshot");
        }
        noteTruncation(document, page.screenshot(), notes);
        return new CapturedSource(page.document(), page.screenshot(), notes, page.settling(), page.resources());
    }

    private static void noteTruncation(SourceDocument document, Screenshot screenshot, List<String> notes) {
        if (screenshot != null && screenshot.truncated()) {
            notes.add(document.location() + ": screenshot truncated to the top " + screenshot.height()
                    + " px of a page " + screenshot.pageHeight() + " px tall");
        }
    }

    /** This run's fetch counts so far: attempts, retries, hosts skipped, most in flight per host. */
    public FetchFigures figures() {
        return policies.figures();
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

    /** Carries a browser failure through the fetch policies, which only know fetch failures. */
    private static final class BrowserFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final CaptureException cause;

        BrowserFailure(CaptureException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static boolean isHtml(FetchedDocument d) {
        return "text/html".equals(d.mimeType()) || "application/xhtml+xml".equals(d.mimeType());
    }
}
