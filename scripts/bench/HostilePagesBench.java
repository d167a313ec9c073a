package org.clausecam.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clausecam.cli.CliRun;
import org.clausecam.fetch.FixtureServer;

/**
 * Wall time and memory of {@code clausecam track} on hostile pages (not a test: it measures).
 * Run with scripts/bench/hostile-pages.
 *
 * <ol>
 *   <li>Five ordinary terms (three rendered), then the same five plus a page whose script never
 *       yields, {@code --navigation-timeout 5}: the difference is what the looping page costs.</li>
 *   <li>An ordinary rendered page with an {@code <iframe>} onto an endless chunked body: the
 *       peak PSS of the browser's processes during the run (sampled every 100 ms; a safety net
 *       kills them above 4 GiB).</li>
 * </ol>
 */
public final class HostilePagesBench {

    public static void main(String[] args) throws Exception {
        byte[] block = ("<p>" + "An endless clause of an endless frame. ".repeat(1500) + "</p>\n").getBytes(StandardCharsets.US_ASCII);
        try (FixtureServer server = new FixtureServer()) {
            server.serve("/looping", "text/html", "<html><body><h1>Terms</h1><p>Never rendered.</p>"
                    + "<script>while (true) {}</script></body></html>");
            server.serve("/framed", "text/html", "<html><body><h1>Terms</h1><p>Ordinary terms, framed.</p>"
                    + "<iframe src=\"/flood\" width=\"600\" height=\"400\"></iframe></body></html>");
            server.handle("/flood", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (long sent = 0; sent < 64L << 30; sent += block.length) {
                        out.write(block);
                    }
                } catch (IOException browserWentAway) {
                    // What ends this body.
                }
            });
            for (int i = 1; i <= 5; i++) {
                server.serve("/ordinary-" + i, "text/html", "<html><body><h1>Terms " + i + "</h1><p>Clause " + i + ".</p></body></html>");
            }
            Path work = Files.createTempDirectory("clausecam-hostile-bench-");
            List<String> ordinary = List.of("1:true", "2:true", "3:true", "4:false", "5:false");

            Path plain = declare(work.resolve("ordinary"), server, ordinary, null);
            track(plain, work.resolve("warm-up"), 5);
            long ordinaryMillis = track(plain, work.resolve("store-ordinary"), 5);
            Path looping = declare(work.resolve("looping"), server, ordinary, "/looping");
            long loopingMillis = track(looping, work.resolve("store-looping"), 5);
            System.out.printf("%n5 ordinary terms: %.1f s; the same plus one looping page: %.1f s (--navigation-timeout 5)%n",
                    ordinaryMillis / 1000.0, loopingMillis / 1000.0);

            Path framed = declare(work.resolve("framed"), server, List.of(), "/framed");
            try (ProcessTreeSampler sampler = ProcessTreeSampler.start(4L << 30)) {
                long framedMillis = track(framed, work.resolve("store-framed"), 30);
                System.out.printf("endless iframe: %.1f s, peak PSS of the browser's processes %d MiB%s%n", framedMillis / 1000.0,
                        sampler.peakBytes() >> 20, sampler.killed() ? " (the safety net killed them at 4 GiB)" : "");
            }
        }
        System.exit(0);
    }

    private static Path declare(Path folder, FixtureServer server, List<String> ordinary, String hostile) throws IOException {
        Files.createDirectories(folder);
        for (String o : ordinary) {
            String[] parts = o.split(":");
            write(folder, "Ordinary" + parts[0], server.url("/ordinary-" + parts[0]).toString(), parts[1]);
        }
        if (hostile != null) {
            write(folder, "Hostile", server.url(hostile).toString(), "true");
        }
        return folder;
    }

    private static void write(Path folder, String service, String url, String scripts) throws IOException {
        Files.writeString(folder.resolve(service + ".json"), """
                { "name": "%s", "terms": { "Terms of Service": { "fetch": "%s", "select": ["body"], "executeClientScripts": %s } } }
                """.formatted(service, url, scripts));
    }

    private static long track(Path declarations, Path store, int navigationTimeoutSeconds) {
        Instant start = Instant.now();
        CliRun run = CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + store,
                "--allow-private-network", "--host-delay", "0", "--navigation-timeout", Integer.toString(navigationTimeoutSeconds),
                "--max-attempts", "1");
        long millis = Duration.between(start, Instant.now()).toMillis();
        run.output().lines().filter(l -> l.startsWith("  failed") || l.startsWith("  note") || l.contains(" terms in "))
                .forEach(l -> System.out.println("    " + l));
        System.out.println("    exit " + run.exit());
        return millis;
    }
}
