package org.clausecam.capture;

import java.time.Duration;
import java.util.List;

/**
 * How a full-page screenshot is taken.
 *
 * @param viewportWidth   CSS width of the window the page is laid out in (device scale 1)
 * @param maxHeight       tallest picture taken; a taller page is cut there and marked truncated
 * @param loadTimeout     how long to wait for the page's {@code load} (then the shot is taken anyway)
 * @param timeout         how long the whole capture may take
 * @param hideSelectors   CSS selectors hidden in the picture only (cookie banners, chat widgets)
 */
public record ScreenshotOptions(int viewportWidth, int maxHeight, Duration loadTimeout, Duration timeout,
                                List<String> hideSelectors) {

    public static final int DEFAULT_VIEWPORT_WIDTH = 1280;
    public static final int DEFAULT_MAX_HEIGHT = 200_000;

    public ScreenshotOptions {
        if (viewportWidth < 200 || viewportWidth > 4096) {
            throw new IllegalArgumentException("viewportWidth must be within 200..4096, not " + viewportWidth);
        }
        hideSelectors = List.copyOf(hideSelectors);
        if (maxHeight < 1) {
            throw new IllegalArgumentException("maxHeight must be positive");
        }
    }

    /** 1280 px wide, at most 200,000 px tall, 30 s to load, 3 min in all. */
    public static ScreenshotOptions defaults() {
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
        b.maxHeight = maxHeight;
        b.loadTimeout = loadTimeout;
        b.timeout = timeout;
        b.hideSelectors = hideSelectors;
        return b;
    }

    /** Options built one setting at a time; the unset ones keep their defaults. */
    public static final class Builder {
        private int viewportWidth = DEFAULT_VIEWPORT_WIDTH;
        private int maxHeight = DEFAULT_MAX_HEIGHT;
        private Duration loadTimeout = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofMinutes(3);
        private List<String> hideSelectors = List.of();

        private Builder() {
        }

        public Builder viewportWidth(int viewportWidth) {
            this.viewportWidth = viewportWidth;
            return this;
        }

        public Builder maxHeight(int maxHeight) {
            this.maxHeight = maxHeight;
            return this;
        }

        public Builder loadTimeout(Duration loadTimeout) {
            this.loadTimeout = loadTimeout;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder hideSelectors(List<String> hideSelectors) {
            this.hideSelectors = hideSelectors;
            return this;
        }

        public ScreenshotOptions build() {
            return new ScreenshotOptions(viewportWidth, maxHeight, loadTimeout, timeout, hideSelectors);
        }
    }
}
