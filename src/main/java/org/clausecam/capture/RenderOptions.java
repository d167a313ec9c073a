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
 * @param settleQuiet        after {@code load}, how long the page must stay quiet (no DOM change,
 *                           no request in flight, no short timer pending) before it is taken
 *                           ({@link PageSettle})
 * @param maxSettle          the longest wait for that after {@code load}; a page still busy then
 *                           is taken as it is, with a note. Zero: taken at {@code load}
 * @param keepResources      whether the responses the page loaded are kept for replay
 *                           ({@link PageResource}; {@code --no-resources} turns it off)
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
        List<String> hideSelectors,
        Duration settleQuiet,
        Duration maxSettle,
        boolean keepResources) {

    /** Default quiet window after {@code load}, in ms (chosen on the corpus pages: docs/benchmarks.md, "Settling"). */
    public static final int DEFAULT_SETTLE_QUIET_MILLIS = 500;
    /** Default longest wait for a page to settle after {@code load}, in ms. */
    public static final int DEFAULT_MAX_SETTLE_MILLIS = 8000;
    public static final Duration DEFAULT_SETTLE_QUIET = Duration.ofMillis(DEFAULT_SETTLE_QUIET_MILLIS);
    public static final Duration DEFAULT_MAX_SETTLE = Duration.ofMillis(DEFAULT_MAX_SETTLE_MILLIS);

    public RenderOptions {
        waitForSelectors = List.copyOf(waitForSelectors);
        hideSelectors = List.copyOf(hideSelectors);
        if (viewportWidth < 200 || viewportWidth > 4096) {
            throw new IllegalArgumentException("viewportWidth must be within 200..4096, not " + viewportWidth);
        }
        if (settleQuiet.isNegative() || maxSettle.isNegative()) {
            throw new IllegalArgumentException("settle times must not be negative");
        }
        if (!maxSettle.isZero() && settleQuiet.compareTo(maxSettle) > 0) {
            throw new IllegalArgumentException("the quiet window (" + settleQuiet.toMillis() + " ms) must not be longer than the "
                    + "longest settle wait (" + maxSettle.toMillis() + " ms)");
        }
    }

    /**
     * 1280 px, 30 s to load, then quiet for 0.5 s (8 s at most), 10 s for selectors, a screenshot
     * up to 200,000 px, 3 min in all.
     */
    public static RenderOptions defaults() {
        return builder().build();
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.viewportWidth = viewportWidth;
        b.navigationTimeout = navigationTimeout;
        b.waitForSelectors = waitForSelectors;
        b.selectorTimeout = selectorTimeout;
        b.screenshot = screenshot;
        b.maxScreenshotHeight = maxScreenshotHeight;
        b.timeout = timeout;
        b.userAgent = userAgent;
        b.acceptLanguage = acceptLanguage;
        b.hideSelectors = hideSelectors;
        b.settleQuiet = settleQuiet;
        b.maxSettle = maxSettle;
        b.keepResources = keepResources;
        return b;
    }

    /** Options built one setting at a time; the unset ones keep their defaults. */
    public static final class Builder {
        private int viewportWidth = ScreenshotOptions.DEFAULT_VIEWPORT_WIDTH;
        private Duration navigationTimeout = Duration.ofSeconds(30);
        private List<String> waitForSelectors = List.of();
        private Duration selectorTimeout = Duration.ofSeconds(10);
        private boolean screenshot = true;
        private int maxScreenshotHeight = ScreenshotOptions.DEFAULT_MAX_HEIGHT;
        private Duration timeout = Duration.ofMinutes(3);
        private String userAgent;
        private String acceptLanguage = "en-US,en;q=0.9";
        private List<String> hideSelectors = List.of();
        private Duration settleQuiet = DEFAULT_SETTLE_QUIET;
        private Duration maxSettle = DEFAULT_MAX_SETTLE;
        private boolean keepResources = true;

        private Builder() {
        }

        public Builder viewportWidth(int viewportWidth) {
            this.viewportWidth = viewportWidth;
            return this;
        }

        public Builder navigationTimeout(Duration navigationTimeout) {
            this.navigationTimeout = navigationTimeout;
            return this;
        }

        public Builder waitForSelectors(List<String> waitForSelectors) {
            this.waitForSelectors = waitForSelectors;
            return this;
        }

        public Builder selectorTimeout(Duration selectorTimeout) {
            this.selectorTimeout = selectorTimeout;
            return this;
        }

        public Builder screenshot(boolean screenshot) {
            this.screenshot = screenshot;
            return this;
        }

        public Builder maxScreenshotHeight(int maxScreenshotHeight) {
            this.maxScreenshotHeight = maxScreenshotHeight;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder acceptLanguage(String acceptLanguage) {
            this.acceptLanguage = acceptLanguage;
            return this;
        }

        public Builder hideSelectors(List<String> hideSelectors) {
            this.hideSelectors = hideSelectors;
            return this;
        }

        public Builder settleQuiet(Duration settleQuiet) {
            this.settleQuiet = settleQuiet;
            return this;
        }

        public Builder maxSettle(Duration maxSettle) {
            this.maxSettle = maxSettle;
            return this;
        }

        public Builder keepResources(boolean keepResources) {
            this.keepResources = keepResources;
            return this;
        }

        public RenderOptions build() {
            return new RenderOptions(viewportWidth, navigationTimeout, waitForSelectors, selectorTimeout, screenshot,
                    maxScreenshotHeight, timeout, userAgent, acceptLanguage, hideSelectors, settleQuiet, maxSettle,
                    keepResources);
        }
    }
}
