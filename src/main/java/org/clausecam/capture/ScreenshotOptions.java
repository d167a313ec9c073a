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
        return new ScreenshotOptions(DEFAULT_VIEWPORT_WIDTH, DEFAULT_MAX_HEIGHT, Duration.ofSeconds(30),
                Duration.ofMinutes(3), List.of());
    }

    public ScreenshotOptions withViewportWidth(int width) {
        return new ScreenshotOptions(width, maxHeight, loadTimeout, timeout, hideSelectors);
    }

    public ScreenshotOptions withMaxHeight(int height) {
        return new ScreenshotOptions(viewportWidth, height, loadTimeout, timeout, hideSelectors);
    }

    public ScreenshotOptions withLoadTimeout(Duration load) {
        return new ScreenshotOptions(viewportWidth, maxHeight, load, timeout, hideSelectors);
    }

    public ScreenshotOptions withTimeout(Duration whole) {
        return new ScreenshotOptions(viewportWidth, maxHeight, loadTimeout, whole, hideSelectors);
    }

    public ScreenshotOptions withHideSelectors(List<String> selectors) {
        return new ScreenshotOptions(viewportWidth, maxHeight, loadTimeout, timeout, selectors);
    }
}
