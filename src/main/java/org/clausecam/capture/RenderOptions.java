package org.clausecam.capture;

import java.time.Duration;
import java.util.List;

/**
 * How a page is rendered.
 *
 * @param viewportWidth      CSS width of the window (device scale 1); also the screenshot's width
 * @param navigationTimeout  how long to wait for {@code load}; past it the page is taken as it is
 * @param waitForSelectors   CSS selectors to wait for after load (a soft wait: missing ones are reported, not fatal)
 * @param selectorTimeout    the time all selector waits share
 * @param screenshot         whether to take a full-page screenshot
 * @param maxScreenshotHeight tallest screenshot taken; taller pages are cut and marked truncated
 * @param timeout            how long the whole capture may take
 * @param userAgent          {@code User-Agent}; null for the browser's own without "Headless"
 * @param acceptLanguage     {@code Accept-Language}, also the page's locale
 * @param hideSelectors      CSS selectors hidden in the screenshot only (cookie banners, chat
 *                           widgets); the snapshot and the version keep them
 */
public record RenderOptions(
        int viewportWidth,
        Duration navigationTimeout,
        List<String> waitForSelectors,
        Duration selectorTimeout,
        boolean screenshot,
        int maxScreenshotHeight,
        Duration timeout,
        String userAgent,
        String acceptLanguage,
        List<String> hideSelectors) {

    public RenderOptions {
        waitForSelectors = List.copyOf(waitForSelectors);
        hideSelectors = List.copyOf(hideSelectors);
        if (viewportWidth < 200 || viewportWidth > 4096) {
            throw new IllegalArgumentException("viewportWidth must be within 200..4096, not " + viewportWidth);
        }
    }

    /** 1280 px, 30 s to load, 10 s for selectors, a screenshot up to 200,000 px, 3 min in all. */
    public static RenderOptions defaults() {
        return new RenderOptions(ScreenshotOptions.DEFAULT_VIEWPORT_WIDTH, Duration.ofSeconds(30), List.of(),
                Duration.ofSeconds(10), true, ScreenshotOptions.DEFAULT_MAX_HEIGHT, Duration.ofMinutes(3),
                null, "en-US,en;q=0.9", List.of());
    }

    public RenderOptions withScreenshot(boolean take) {
        return new RenderOptions(viewportWidth, navigationTimeout, waitForSelectors, selectorTimeout, take,
                maxScreenshotHeight, timeout, userAgent, acceptLanguage, hideSelectors);
    }

    public RenderOptions withWaitForSelectors(List<String> selectors) {
        return new RenderOptions(viewportWidth, navigationTimeout, selectors, selectorTimeout, screenshot,
                maxScreenshotHeight, timeout, userAgent, acceptLanguage, hideSelectors);
    }

    public RenderOptions withViewportWidth(int width) {
        return new RenderOptions(width, navigationTimeout, waitForSelectors, selectorTimeout, screenshot,
                maxScreenshotHeight, timeout, userAgent, acceptLanguage, hideSelectors);
    }

    public RenderOptions withNavigationTimeout(Duration navigation) {
        return new RenderOptions(viewportWidth, navigation, waitForSelectors, selectorTimeout, screenshot,
                maxScreenshotHeight, timeout, userAgent, acceptLanguage, hideSelectors);
    }

    public RenderOptions withSelectorTimeout(Duration selectors) {
        return new RenderOptions(viewportWidth, navigationTimeout, waitForSelectors, selectors, screenshot,
                maxScreenshotHeight, timeout, userAgent, acceptLanguage, hideSelectors);
    }

    public RenderOptions withMaxScreenshotHeight(int height) {
        return new RenderOptions(viewportWidth, navigationTimeout, waitForSelectors, selectorTimeout, screenshot,
                height, timeout, userAgent, acceptLanguage, hideSelectors);
    }

    public RenderOptions withTimeout(Duration whole) {
        return new RenderOptions(viewportWidth, navigationTimeout, waitForSelectors, selectorTimeout, screenshot,
                maxScreenshotHeight, whole, userAgent, acceptLanguage, hideSelectors);
    }

    public RenderOptions withUserAgent(String agent) {
        return new RenderOptions(viewportWidth, navigationTimeout, waitForSelectors, selectorTimeout, screenshot,
                maxScreenshotHeight, timeout, agent, acceptLanguage, hideSelectors);
    }

    public RenderOptions withAcceptLanguage(String language) {
        return new RenderOptions(viewportWidth, navigationTimeout, waitForSelectors, selectorTimeout, screenshot,
                maxScreenshotHeight, timeout, userAgent, language, hideSelectors);
    }

    public RenderOptions withHideSelectors(List<String> selectors) {
        return new RenderOptions(viewportWidth, navigationTimeout, waitForSelectors, selectorTimeout, screenshot,
                maxScreenshotHeight, timeout, userAgent, acceptLanguage, selectors);
    }
}
