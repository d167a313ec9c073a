package org.clausecam.durability;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;

/**
 * Many terms of many services, served by real HTTP servers, and their declarations. Each terms
 * lives on its own loopback address (127.0.0.10, .11, …): hosts are crawled politely (one
 * request at a time, a pause between two), so one host per terms lets a whole run go as fast as
 * the agent can, as it does against many real sites.
 *
 * <p>A terms' page carries a revision number: {@link #revise} changes it, the way a site
 * changes its terms between two captures.
 */
final class TermsSite implements AutoCloseable {

    static final List<String> TYPES = List.of("Terms of Service", "Privacy Policy", "Acceptable Use Policy");

    /** One terms: its service and type, and whether its declaration asks for the browser. */
    record Entry(int index, String service, String type, boolean browser) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();
    private final AtomicReferenceArray<Integer> revisions;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private volatile IntConsumer onRequest = i -> { };

    /** {@code count} terms, three types per service; the ones in {@code browser} are rendered in Chromium. */
    TermsSite(int count, Set<Integer> browser) {
        revisions = new AtomicReferenceArray<>(count);
        for (int i = 0; i < count; i++) {
            Entry e = new Entry(i, "Service%02d".formatted(i / TYPES.size() + 1), TYPES.get(i % TYPES.size()), browser.contains(i));
            entries.add(e);
            revisions.set(i, 1);
            servers.add(serve(e));
        }
    }

    private HttpServer serve(Entry e) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0." + (10 + e.index()), 0), 0);
        } catch (IOException x) {
            throw new UncheckedIOException("cannot serve terms " + e.index() + " on 127.0.0." + (10 + e.index()), x);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                if (!exchange.getRequestURI().getPath().equals("/terms")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                onRequest.accept(e.index());
                byte[] body = page(e, revisions.get(e.index())).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    List<Entry> entries() {
        return entries;
    }

    URI url(int index) {
        return URI.create("http://127.0.0." + (10 + index) + ":" + servers.get(index).getAddress().getPort() + "/terms");
    }

    void revise(int index, int revision) {
        revisions.set(index, revision);
    }

    int revision(int index) {
        return revisions.get(index);
    }

    /** Called with the terms' index on every request for its page, before the page is sent. */
    void onRequest(IntConsumer hook) {
        this.onRequest = hook;
    }

    /** The sentence that tells one revision from another, as it appears in the extracted version. */
    static String revisionSentence(int revision) {
        return "This is revision " + revision + " of these terms.";
    }

    /** Writes one declaration per service into {@code dir} (created, or overwritten). */
    Path declare(Path dir) throws IOException {
        return declare(dir, true);
    }

    /**
     * Writes one declaration per service into {@code dir}; with {@code browser} false every terms
     * is declared {@code executeClientScripts: false} (fetched over HTTP only), which is much
     * faster: no Chromium is started.
     */
    Path declare(Path dir, boolean browser) throws IOException {
        Files.createDirectories(dir);
        Map<String, StringBuilder> byService = new LinkedHashMap<>();
        for (Entry e : entries) {
            StringBuilder terms = byService.computeIfAbsent(e.service(), s -> new StringBuilder());
            if (!terms.isEmpty()) terms.append(",\n");
            terms.append("    \"%s\": { \"fetch\": \"%s\", \"select\": [\"main\"], \"remove\": [\".banner\"], \"executeClientScripts\": %s }"
                    .formatted(e.type(), url(e.index()), browser && e.browser()));
        }
        for (Map.Entry<String, StringBuilder> s : byService.entrySet()) {
            Files.writeString(dir.resolve(s.getKey() + ".json"),
                    "{ \"name\": \"" + s.getKey() + "\", \"terms\": {\n" + s.getValue() + "\n} }\n");
        }
        return dir;
    }

    private static String page(Entry e, int revision) {
        StringBuilder paragraphs = new StringBuilder();
        for (int p = 1; p <= 6; p++) {
            paragraphs.append("<p>Section ").append(p).append(" of the ").append(e.type()).append(" of ").append(e.service())
                    .append(": you agree to use the service lawfully, and we agree to keep your data only as long as needed.</p>\n");
        }
        String revisionHtml = "<p>" + revisionSentence(revision) + "</p>";
        // A rendered terms only shows its revision once its scripts ran, like a single-page app.
        String dynamic = e.browser()
                ? "<div id=\"late\"></div><script>document.getElementById('late').innerHTML = '" + revisionHtml + "';</script>"
                : revisionHtml;
        return "<html><head><title>" + e.type() + "</title></head><body>\n<div class=\"banner\">Cookies? Accept all</div>\n"
                + "<main><h1>" + e.service() + " " + e.type() + "</h1>\n" + paragraphs + dynamic + "\n</main></body></html>\n";
    }

    @Override
    public void close() {
        for (HttpServer s : servers) s.stop(0);
        executor.shutdownNow();
    }
}
