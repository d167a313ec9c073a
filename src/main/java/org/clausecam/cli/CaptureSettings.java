package org.clausecam.cli;

import org.clausecam.capture.Chromium;
import org.clausecam.capture.PageCapturer;
import org.clausecam.capture.RenderOptions;
import org.clausecam.capture.SourceCapturer;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.fetch.HostPolicies;
import org.clausecam.fetch.HttpFetchOptions;
import org.clausecam.fetch.HttpFetcher;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Options shared by the commands that fetch and render pages. */
final class CaptureSettings {

    @Option(names = "--allow-private-network",
            description = "Allow fetching loopback, private and link-local addresses (refused by default, "
                    + "cloud metadata endpoints included).")
    boolean allowPrivateNetwork;

    @Option(names = "--viewport-width", paramLabel = "PX", defaultValue = "1280",
            description = "Width of the browser window and of screenshots (default ${DEFAULT-VALUE}).")
    int viewportWidth;

    @Option(names = "--max-screenshot-height", paramLabel = "PX", defaultValue = "200000",
            description = "Taller pages are pictured down to this height and marked truncated (default ${DEFAULT-VALUE}).")
    int maxScreenshotHeight;

    @Option(names = "--navigation-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for a page to load before taking it as it is (default ${DEFAULT-VALUE}).")
    int navigationTimeoutSeconds;

    @Option(names = "--fetch-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long a plain HTTP answer may take, body included; a body that never ends fails "
                    + "after it (default ${DEFAULT-VALUE}).")
    int fetchTimeoutSeconds;

    @Option(names = "--hide", paramLabel = "CSS",
            description = "Hide what matches in screenshots only (cookie banners, chat widgets); repeatable. "
                    + "Snapshots and versions keep it.")
    List<String> hide = new ArrayList<>();

    /**
     * @param pagesInFlight browser pages loading at once, on the one Chromium of the process
     */
    SourceCapturer sourceCapturer(boolean screenshots, int pagesInFlight) {
        return sourceCapturer(screenshots, pagesInFlight, FetchPolicySettings.defaults());
    }

    /**
     * @param policy retries and per-host politeness; its bound on browser pages is replaced by {@code pagesInFlight}
     */
    SourceCapturer sourceCapturer(boolean screenshots, int pagesInFlight, FetchPolicySettings policy) {
        if (navigationTimeoutSeconds < 1 || fetchTimeoutSeconds < 1) {
            throw new UsageException("--navigation-timeout and --fetch-timeout must be at least 1 second");
        }
        int pages = Math.max(1, Math.min(16, pagesInFlight));
        Chromium.shared().setPagesInFlight(pages);
        HttpFetcher http = new HttpFetcher(HttpFetchOptions.defaults().withAllowPrivateNetwork(allowPrivateNetwork)
                .withTimeout(Duration.ofSeconds(fetchTimeoutSeconds)));
        PageCapturer browser = new PageCapturer(allowPrivateNetwork);
        HostPolicies policies = new HostPolicies(policy.withPagesInFlight(pages));
        return new SourceCapturer(http, browser, policies, renderOptions(screenshots));
    }

    RenderOptions renderOptions(boolean screenshots) {
        return RenderOptions.defaults()
                .withScreenshot(screenshots)
                .withViewportWidth(viewportWidth)
                .withMaxScreenshotHeight(maxScreenshotHeight)
                .withNavigationTimeout(Duration.ofSeconds(navigationTimeoutSeconds))
                .withHideSelectors(hide);
    }
}
