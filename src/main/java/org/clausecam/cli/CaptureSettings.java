package org.clausecam.cli;

import org.clausecam.agent.AgentSettings;
import org.clausecam.capture.RenderOptions;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.fetch.HttpFetchOptions;
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

    @Option(names = "--settle-ms", paramLabel = "MILLIS", defaultValue = "" + RenderOptions.DEFAULT_SETTLE_QUIET_MILLIS,
            description = "After a rendered page fires load, take it once it has been quiet this long: no DOM change, "
                    + "no request in flight, no short timer pending (default ${DEFAULT-VALUE}).")
    int settleMillis;

    @Option(names = "--max-settle-ms", paramLabel = "MILLIS", defaultValue = "" + RenderOptions.DEFAULT_MAX_SETTLE_MILLIS,
            description = "The longest wait for a rendered page to settle after load; a page still busy then is taken "
                    + "as it is, with a note. 0 takes pages at load (default ${DEFAULT-VALUE}).")
    int maxSettleMillis;

    @Option(names = "--hide", paramLabel = "CSS",
            description = "Hide what matches in screenshots only (cookie banners, chat widgets); repeatable. "
                    + "Snapshots and versions keep it.")
    List<String> hide = new ArrayList<>();

    /**
     * What the agent of a command is built with.
     *
     * @param resources     whether rendered pages keep the responses they load, for replay ({@code --no-resources})
     * @param pagesInFlight browser pages the one Chromium loads at once
     * @param policy        retries, per-host politeness and the bound on browser captures admitted at once
     */
    AgentSettings agentSettings(boolean screenshots, boolean resources, int pagesInFlight, FetchPolicySettings policy) {
        if (navigationTimeoutSeconds < 1 || fetchTimeoutSeconds < 1) {
            throw new UsageException("--navigation-timeout and --fetch-timeout must be at least 1 second");
        }
        if (settleMillis < 0 || maxSettleMillis < 0 || maxSettleMillis > 120_000) {
            throw new UsageException("--settle-ms must be 0 or more, and --max-settle-ms within 0..120000");
        }
        if (maxSettleMillis > 0 && settleMillis > maxSettleMillis) {
            throw new UsageException("--settle-ms (" + settleMillis + ") must not be longer than --max-settle-ms (" + maxSettleMillis + ")");
        }
        HttpFetchOptions http = HttpFetchOptions.builder().allowPrivateNetwork(allowPrivateNetwork)
                .timeout(Duration.ofSeconds(fetchTimeoutSeconds))
                .build();
        return new AgentSettings(pagesInFlight, http, policy, renderOptions(screenshots, resources));
    }

    /** For a one-off capture: one page at a time, the default fetch policy. */
    AgentSettings agentSettings(boolean screenshots, boolean resources) {
        return agentSettings(screenshots, resources, 1, FetchPolicySettings.builder().pagesInFlight(1).build());
    }

    RenderOptions renderOptions(boolean screenshots, boolean resources) {
        return RenderOptions.builder()
                .screenshot(screenshots)
                .keepResources(resources)
                .viewportWidth(viewportWidth)
                .maxScreenshotHeight(maxScreenshotHeight)
                .navigationTimeout(Duration.ofSeconds(navigationTimeoutSeconds))
                .hideSelectors(hide)
                .settleQuiet(Duration.ofMillis(settleMillis))
                .maxSettle(Duration.ofMillis(maxSettleMillis))
                .build();
    }
}
