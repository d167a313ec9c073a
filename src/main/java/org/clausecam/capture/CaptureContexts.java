package org.clausecam.capture;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.time.Duration;

/**
 * The browser context settings every capture shares: pictures of one page taken by different
 * captures line up (same width, device scale 1), and nothing escapes the context's routes.
 */
final class CaptureContexts {

    /** Pages are pictured whole; the height matters only to scripts that measure the window. */
    private static final int VIEWPORT_HEIGHT = 800;

    private CaptureContexts() {
    }

    /**
     * Options for a context {@code viewportWidth} wide; callers add theirs. Service workers are
     * blocked because their requests bypass the context's routes, and with them the guards.
     */
    static Browser.NewContextOptions options(int viewportWidth) {
        return new Browser.NewContextOptions()
                .setViewportSize(viewportWidth, VIEWPORT_HEIGHT)
                .setDeviceScaleFactor(1)
                .setAcceptDownloads(false)
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK);
    }

    /** A new context in which every wait gives up after {@code timeout}; the caller closes it. */
    static BrowserContext open(Browser browser, Browser.NewContextOptions options, Duration timeout) {
        BrowserContext context = browser.newContext(options);
        try {
            context.setDefaultTimeout(timeout.toMillis());
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }
}
