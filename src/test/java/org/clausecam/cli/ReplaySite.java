package org.clausecam.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ReplayWeb.page served from 127.0.0.1 as a web archive embeds it: its {@code ui.js}, its
 * service worker under {@code /replay/}, a page holding {@code <replay-web-page>} for one URL,
 * and the WACZ it replays from (with byte ranges, which it asks for).
 */
final class ReplaySite implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    ReplaySite(Path replayWebPage, Path wacz, URI replayed) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the replay site", e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/" -> send(exchange, "text/html; charset=utf-8", page(replayed).getBytes(StandardCharsets.UTF_8));
                case "/ui.js" -> send(exchange, "application/javascript", Files.readAllBytes(replayWebPage.resolve("ui.js")));
                case "/replay/sw.js" -> send(exchange, "application/javascript", Files.readAllBytes(replayWebPage.resolve("sw.js")));
                case "/archive.wacz" -> sendRange(exchange, Files.readAllBytes(wacz));
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                }
            }
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private String page(URI replayed) {
        return """
                <!doctype html><html><head><script src="/ui.js"></script></head>
                <body style="margin:0"><replay-web-page style="display:block;height:100vh" source="%s" url="%s"
                  replayBase="/replay/" embed="replayonly"></replay-web-page></body></html>"""
                .formatted(url("/archive.wacz"), replayed);
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        }
    }

    private static void sendRange(HttpExchange exchange, byte[] body) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/wacz");
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            if (m == null || !m.matches()) {
                exchange.sendResponseHeaders(200, head ? -1 : body.length);
                if (!head) out.write(body);
                return;
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2).isEmpty() ? body.length - 1 : Math.min(Integer.parseInt(m.group(2)), body.length - 1);
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
            exchange.sendResponseHeaders(206, head ? -1 : to - from + 1);
            if (!head) out.write(body, from, to - from + 1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
