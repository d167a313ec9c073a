package org.clausecam.capture;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitUntilState;
import org.clausecam.fetch.FetchException;

/**
 * Full-page screenshots of self-contained HTML, such as a notification e-mail whose images are
 * inlined as {@code data:} URLs. Scripts are off and every network request is aborted, so
 * remote content (tracking pixels, fonts, images on the sender's servers) never loads: opening
 * the evidence must not tell the sender it was opened.
 */
public final class StandalonePageShooter {

    private final Chromium chromium;

    public StandalonePageShooter(Chromium chromium) {
        this.chromium = chromium;
    }

    /**
     * @param what names the document in error messages (e.g. the e-mail file)
     */
    public Screenshot screenshot(String what, String html, ScreenshotOptions options) throws CaptureException {
        try {
            return chromium.call("screenshot of " + what, browser -> () -> shoot(browser, html, options), options.timeout());
        } catch (FetchException e) {
            throw new CaptureException("screenshot of " + what + " failed: " + e.getMessage(), e);
        }
    }

    private static Screenshot shoot(Browser browser, String html, ScreenshotOptions options) throws Exception {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        BrowserContext context = CaptureContexts.open(browser,
                CaptureContexts.options(options.viewportWidth()).setJavaScriptEnabled(false), options.timeout());
        try {
            context.route(url -> true, route -> route.abort("blockedbyclient"));
            Page page = context.newPage();
            try {
                page.setContent(html, new Page.SetContentOptions()
                        .setTimeout(options.loadTimeout().toMillis())
                        .setWaitUntil(WaitUntilState.LOAD));
            } catch (TimeoutError e) {
                // Nothing can load from outside; whatever is slow is pictured as it is.
            }
            return FullPageShooter.take(page, options.viewportWidth(), options.maxHeight(), options.hideSelectors(), deadline);
        } finally {
            context.close();
        }
    }
}
