package org.clausecam.diff;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.nio.file.Path;

/**
 * Real screenshots for the visual-diff benchmark: renders snapshot files in Chromium (no
 * JavaScript, nothing loaded but local files) at 1280 px wide and writes full-page PNGs,
 * optionally zoomed and clipped to a height. Not a test: see {@code scripts/bench/visual-diff-corpus}.
 *
 * <p>Arguments: {@code zoom height snapshot.html out.png [snapshot.html out.png …]}; height 0
 * keeps the whole page.
 */
public final class CorpusScreenshots {

    public static void main(String[] args) {
        String zoom = args[0];
        int height = Integer.parseInt(args[1]);
        String chromium = System.getenv().getOrDefault("CLAUSECAM_CHROMIUM", "/usr/bin/chromium");
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(
                    new BrowserType.LaunchOptions().setExecutablePath(Path.of(chromium)));
            for (int i = 2; i + 1 < args.length; i += 2) {
                try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(false).setViewportSize(1280, 800))) {
                    context.route("**", route -> {
                        if (route.request().url().startsWith("file:")) {
                            route.resume();
                        } else {
                            route.abort();
                        }
                    });
                    Page page = context.newPage();
                    page.navigate(Path.of(args[i]).toUri().toString());
                    page.evaluate("zoom => { document.body.style.zoom = zoom; }", zoom);
                    Page.ScreenshotOptions options = new Page.ScreenshotOptions().setFullPage(true)
                            .setPath(Path.of(args[i + 1])).setAnimations(ScreenshotAnimations.DISABLED);
                    if (height > 0) {
                        options.setClip(0, 0, 1280, height);
                    }
                    page.screenshot(options);
                    System.out.println(args[i + 1]);
                }
            }
        }
    }
}
