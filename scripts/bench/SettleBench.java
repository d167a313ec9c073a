package org.clausecam.capture;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.extract.Extractor;
import org.clausecam.fetch.FixtureServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What the settle rule costs on real policy pages (not a test: it measures). Serves corpus
 * snapshots from 127.0.0.1, each answered after 50–300 ms, with their scripts (inline scripts
 * run; external ones point at hosts this machine may not reach, and fail) and without them, and
 * renders each with a screenshot: taken at {@code load} (the rule off) and with several quiet
 * windows. Prints, per setting, the extra seconds per capture over the rule off (median, mean,
 * 90th percentile), how many pages did not settle and why, how many versions differ from the
 * ones taken at load, and the documents per minute with 2 pages in flight.
 *
 * <p>Usage: scripts/bench/settle [CORPUS_DIR] [PAGES] [throughput]; with {@code throughput}, only
 * documents per minute, twice over, with 2 and 3 pages in flight.
 */
public final class SettleBench {

    /**
     * @param builtByScript the page without scripts, its body replaced by a cookie line and a
     *                      script that, after {@code load}, fetches the body (answered after
     *                      50-300 ms) and puts it in place: a single-page application's shape
     * @param body          that body
     */
    private record Page(String name, byte[] withScripts, byte[] withoutScripts, byte[] builtByScript, byte[] body) {
    }

    private enum Variant { SCRIPTS, NO_SCRIPTS, BUILT_BY_SCRIPT }

    private record Setting(String name, Duration quiet, Duration max) {
    }

    private record Result(long millis, Settling settling, String version) {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/ota-genai-eu-dev");
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Page> selected = pages(corpus, pages);
        Random latency = new Random(1);
        List<Setting> settings = List.of(
                new Setting("at load (off)", Duration.ZERO, Duration.ZERO),
                new Setting("quiet 250 ms, max 8 s", Duration.ofMillis(250), Duration.ofSeconds(8)),
                new Setting("quiet 500 ms, max 8 s", Duration.ofMillis(500), Duration.ofSeconds(8)),
                new Setting("quiet 1000 ms, max 8 s", Duration.ofMillis(1000), Duration.ofSeconds(8)));
        try (FixtureServer server = new FixtureServer()) {
            Map<String, URI> urls = new LinkedHashMap<>();
            for (int i = 0; i < selected.size(); i++) {
                Page p = selected.get(i);
                for (Variant variant : Variant.values()) {
                    String path = "/" + i + "/" + variant.name().toLowerCase(java.util.Locale.ROOT) + "/index.html";
                    byte[] body = switch (variant) {
                        case SCRIPTS -> p.withScripts();
                        case NO_SCRIPTS -> p.withoutScripts();
                        case BUILT_BY_SCRIPT -> p.builtByScript();
                    };
                    serve(server, path, body, 50 + latency.nextInt(251), "text/html; charset=utf-8");
                    if (variant == Variant.BUILT_BY_SCRIPT) {
                        serve(server, "/" + i + "/built_by_script/body.html", p.body(), 50 + latency.nextInt(251), "text/html; charset=utf-8");
                    }
                    urls.put(p.name() + " [" + variant.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "]", server.url(path));
                }
            }
            System.out.printf("%d corpus pages, each with its scripts, without them, and built by a script after load "
                    + "(%d URLs), answered after 50-300 ms; "
                    + "screenshots on; %d cores%n", selected.size(), urls.size(), Runtime.getRuntime().availableProcessors());
            boolean throughputOnly = args.length > 2 && args[2].equals("throughput");
            if (!throughputOnly) try (Chromium chromium = new Chromium(System.getenv(), 1)) {
                PageCapturer capturer = PageCapturer.unguarded(chromium);
                capturer.render(urls.values().iterator().next(), RenderOptions.defaults()); // warm-up
                Map<Setting, Map<String, Result>> results = new LinkedHashMap<>();
                for (Setting s : settings) {
                    results.put(s, new LinkedHashMap<>());
                }
                // Interleaved: each page under every setting before the next page.
                for (Map.Entry<String, URI> url : urls.entrySet()) {
                    for (Setting s : settings) {
                        results.get(s).put(url.getKey(), render(capturer, url.getValue(), s));
                    }
                }
                report(settings, results);
            }
            // Throughput: every URL once per run, alternating the rule off and on (and on with one
            // more page in flight), twice over, so that the pairs see the same machine.
            record Run(Setting setting, int pages) {
            }
            List<Run> runs = new ArrayList<>();
            for (int round = 0; round < (throughputOnly ? 2 : 1); round++) {
                runs.add(new Run(settings.get(0), 2));
                runs.add(new Run(settings.get(2), 2));
                if (throughputOnly) runs.add(new Run(settings.get(2), 3));
            }
            for (Run run : runs) {
                Setting s = run.setting();
                try (Chromium chromium = new Chromium(System.getenv(), run.pages())) {
                    PageCapturer capturer = PageCapturer.unguarded(chromium);
                    capturer.render(urls.values().iterator().next(), RenderOptions.defaults());
                    ExecutorService threads = Executors.newFixedThreadPool(run.pages());
                    long start = System.nanoTime();
                    List<Future<Result>> done = new ArrayList<>();
                    for (URI u : urls.values()) {
                        done.add(threads.submit(() -> render(capturer, u, s)));
                    }
                    for (Future<Result> f : done) {
                        f.get();
                    }
                    double minutes = (System.nanoTime() - start) / 60e9;
                    threads.shutdown();
                    System.out.printf("%d pages in flight, %s: %.1f documents/min%n", run.pages(), s.name(), urls.size() / minutes);
                }
            }
        }
    }

    private static void serve(FixtureServer server, String path, byte[] body, long delay, String type) {
        server.handle(path, exchange -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            FixtureServer.send(exchange, 200, body);
        });
    }

    private static Result render(PageCapturer capturer, URI url, Setting s) throws Exception {
        RenderOptions options = RenderOptions.builder().settleQuiet(s.quiet()).maxSettle(s.max()).build();
        long start = System.nanoTime();
        RenderedPage page = capturer.render(url, options);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String version;
        try {
            version = new Extractor().extract(new SourceDocument(null, url, List.of(), List.of(), List.of(), true), null,
                    page.document().content(), "text/html", url);
        } catch (Exception e) {
            version = "(no version: " + e.getMessage() + ")";
        }
        return new Result(millis, page.settling(), version);
    }

    private static void report(List<Setting> settings, Map<Setting, Map<String, Result>> results) {
        Map<String, Result> base = results.get(settings.get(0));
        for (Setting s : settings) {
            Map<String, Result> r = results.get(s);
            List<Long> extra = new ArrayList<>();
            List<Long> settleTimes = new ArrayList<>();
            int unsettled = 0;
            int differ = 0;
            int built = 0;
            int builtWhole = 0;
            Map<String, Integer> why = new TreeMap<>();
            for (Map.Entry<String, Result> e : r.entrySet()) {
                extra.add(e.getValue().millis() - base.get(e.getKey()).millis());
                settleTimes.add(e.getValue().settling().waited().toMillis());
                if (!e.getValue().settling().settled()) {
                    unsettled++;
                    e.getValue().settling().busy().forEach(b -> why.merge(b.replaceAll("^\\d+ ", "N "), 1, Integer::sum));
                }
                if (!e.getValue().version().equals(base.get(e.getKey()).version())) {
                    differ++;
                }
                if (e.getKey().endsWith("[built by script]")) {
                    built++;
                    String staticVersion = r.get(e.getKey().replace("[built by script]", "[no scripts]")).version();
                    if (e.getValue().version().equals(staticVersion)) {
                        builtWhole++;
                    }
                }
            }
            extra.sort(null);
            settleTimes.sort(null);
            double mean = extra.stream().mapToLong(Long::longValue).average().orElse(0) / 1000;
            long total = r.values().stream().mapToLong(Result::millis).sum();
            System.out.printf("%-24s capture %.2f s mean; extra over load: median %.2f s, mean %.2f s, p90 %.2f s; "
                            + "settled after load: median %.2f s, max %.2f s; not settled %d/%d %s; versions differing from load's: %d; "
                            + "script-built pages captured whole: %d/%d%n",
                    s.name(), total / 1000.0 / r.size(), extra.get(extra.size() / 2) / 1000.0, mean,
                    extra.get((int) Math.floor(extra.size() * 0.9)) / 1000.0, settleTimes.get(settleTimes.size() / 2) / 1000.0,
                    settleTimes.get(settleTimes.size() - 1) / 1000.0, unsettled, r.size(), why, differ, builtWhole, built);
        }
        System.out.println("per page (quiet 500 ms): settled after load / busy");
        results.get(settings.get(2)).forEach((name, res) -> System.out.printf("  %-90s %5d ms %s%n", name,
                res.settling().waited().toMillis(), res.settling().settled() ? "" : res.settling().busy()));
    }

    /** Up to {@code n} snapshots, one per terms, HTML only, taking the services in turn. */
    private static List<Page> pages(Path corpus, int n) throws Exception {
        Map<String, Path> byTerms = new TreeMap<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            files.filter(f -> f.toString().endsWith(".html") && f.toString().contains("/snapshots/")).sorted().forEach(f -> {
                String caseName = corpus.relativize(f).getName(0).toString();
                String terms = caseName.replaceAll("__\\d{8}T.*$", "") + " / " + f.getFileName();
                byTerms.putIfAbsent(terms, f);
            });
        }
        Map<String, List<Map.Entry<String, Path>>> byService = new TreeMap<>();
        byTerms.entrySet().forEach(e -> byService.computeIfAbsent(e.getKey().replaceAll("__.*$", ""), k -> new ArrayList<>()).add(e));
        List<Map.Entry<String, Path>> order = new ArrayList<>();
        for (int round = 0; order.size() < byTerms.size(); round++) {
            for (List<Map.Entry<String, Path>> terms : byService.values()) {
                if (round < terms.size()) order.add(terms.get(round));
            }
        }
        List<Page> pages = new ArrayList<>();
        for (Map.Entry<String, Path> e : order) {
            if (pages.size() == n) break;
            byte[] html = Files.readAllBytes(e.getValue());
            Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
            doc.select("script").remove();
            byte[] withoutScripts = doc.outerHtml().getBytes(StandardCharsets.UTF_8);
            byte[] body = doc.body().html().getBytes(StandardCharsets.UTF_8);
            doc.body().html("<div>We use cookies</div><script>addEventListener('load', () => fetch('body.html')"
                    + ".then(r => r.text()).then(h => { document.body.innerHTML = h; }));</script>");
            pages.add(new Page(e.getKey(), html, withoutScripts, doc.outerHtml().getBytes(StandardCharsets.UTF_8), body));
        }
        return pages;
    }
}
