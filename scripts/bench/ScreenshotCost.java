import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.ScreenshotCaret;
import com.microsoft.playwright.options.ScreenshotType;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a full-page screenshot costs, by the way it is taken (issue 11: "the screenshot path itself
 * is the bottleneck"). One Chromium, one page at a time, scripts off, each page loaded from a file;
 * per page, interleaved, the wall time of:
 * <ul>
 *   <li>one-shot: {@code page.screenshot(fullPage)} with no options, as the bare loop takes it;</li>
 *   <li>per-call: FullPageShooter's shots before this bench (one shot up to 16,000 rows, else
 *       4,000-row clips), each call with Playwright's animation, caret and style options;</li>
 *   <li>style-once: the same clips, the still style put in the page once before them and taken
 *       out after, each call without those options;</li>
 *   <li>style-once-16k: as style-once, with 16,000-row clips.</li>
 * </ul>
 * Only Chromium's PNGs are taken; stitching them (the JVM's part) is not timed here.
 * Usage: java ScreenshotCost ROUNDS FILE...
 */
public class ScreenshotCost {

    static final String STILL = "*, *::before, *::after { animation: none !important; transition: none !important; "
            + "caret-color: transparent !important; scroll-behavior: auto !important; }";
    static final String MEASURE = "() => { const d = document.documentElement, b = document.body; "
            + "return Math.max(d ? d.scrollHeight : 0, b ? b.scrollHeight : 0, d ? d.clientHeight : 0); }";

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) files.add(Paths.get(args[i]).toAbsolutePath());
        String[] ways = {"one-shot", "per-call-4k", "per-call", "cdp-fast"};
        List<List<Double>> times = new ArrayList<>();
        for (String ignored : ways) times.add(new ArrayList<>());
        List<Double> totals = new ArrayList<>(Collections.nCopies(ways.length, 0.0));
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getenv().getOrDefault("CLAUSECAM_CHROMIUM", "/usr/bin/chromium")))
                    .setArgs(List.of("--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-sandbox")));
            for (int round = 0; round < rounds; round++) {
                for (Path file : files) {
                    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                            .setViewportSize(1280, 800).setJavaScriptEnabled(false));
                    Page page = context.newPage();
                    page.navigate(file.toUri().toString());
                    int height = ((Number) page.evaluate(MEASURE)).intValue();
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-60s %7d px", shortName(file), height));
                    for (int w = 0; w < ways.length; w++) {
                        int way = (w + round) % ways.length;
                        long t = System.nanoTime();
                        shoot(page, ways[way], height);
                        double s = (System.nanoTime() - t) / 1e9;
                        times.get(way).add(s);
                        totals.set(way, totals.get(way) + s);
                    }
                    for (int w = 0; w < ways.length; w++) {
                        List<Double> mine = times.get(w);
                        line.append(String.format(Locale.ROOT, "  %s %.2f s", ways[w], mine.get(mine.size() - 1)));
                    }
                    System.out.println(line);
                    context.close();
                }
            }
        }
        StringBuilder sum = new StringBuilder("total over all pages and rounds:");
        for (int w = 0; w < ways.length; w++) sum.append(String.format(Locale.ROOT, "  %s %.1f s", ways[w], totals.get(w)));
        System.out.println(sum);
        System.out.printf(Locale.ROOT, "PNG bytes: per-call %.1f MB, cdp-fast %.1f MB%n", bytes[1] / 1e6, bytes[0] / 1e6);
    }

    static String shortName(Path file) {
        String s = file.toString();
        return s.length() > 60 ? "..." + s.substring(s.length() - 57) : s;
    }

    /** PNG bytes: [0] the fast CDP way, [1] the per-call way (Playwright's default encoding). */
    static final long[] bytes = new long[2];

    static void shoot(Page page, String way, int height) {
        switch (way) {
            case "one-shot" -> page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setType(ScreenshotType.PNG));
            case "per-call" -> {
                int section = height <= 16_000 ? height : 16_000;
                for (int y = 0; y < height; y += section) {
                    bytes[1] += page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setType(ScreenshotType.PNG)
                            .setClip(0, y, 1280, Math.min(section, height - y))
                            .setAnimations(ScreenshotAnimations.DISABLED).setCaret(ScreenshotCaret.INITIAL).setStyle(STILL)).length;
                }
            }
            case "per-call-4k" -> {
                int section = height <= 16_000 ? height : 4_000;
                for (int y = 0; y < height; y += section) {
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setType(ScreenshotType.PNG)
                            .setClip(0, y, 1280, Math.min(section, height - y))
                            .setAnimations(ScreenshotAnimations.DISABLED).setCaret(ScreenshotCaret.HIDE).setStyle(STILL));
                }
            }
            case "cdp-fast" -> {
                int section = height <= 16_000 ? height : 16_000;
                page.evaluate("css => { const s = document.createElement('style'); s.id = 'clausecam-still'; s.textContent = css; "
                        + "document.documentElement.appendChild(s); }", STILL);
                com.microsoft.playwright.CDPSession cdp = page.context().newCDPSession(page);
                for (int y = 0; y < height; y += section) {
                    com.google.gson.JsonObject clip = new com.google.gson.JsonObject();
                    clip.addProperty("x", 0); clip.addProperty("y", y); clip.addProperty("width", 1280);
                    clip.addProperty("height", Math.min(section, height - y)); clip.addProperty("scale", 1);
                    com.google.gson.JsonObject params = new com.google.gson.JsonObject();
                    params.addProperty("format", "png"); params.add("clip", clip);
                    params.addProperty("captureBeyondViewport", true); params.addProperty("optimizeForSpeed", true);
                    String data = cdp.send("Page.captureScreenshot", params).get("data").getAsString();
                    bytes[0] += java.util.Base64.getDecoder().decode(data).length;
                }
                cdp.detach();
                page.evaluate("() => document.getElementById('clausecam-still').remove()");
            }
            default -> throw new IllegalArgumentException(way);
        }
    }
}
