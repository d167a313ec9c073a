package org.clausecam.cli;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 serving fixture pages that a test can change between runs,
 * the way a site changes its terms between two captures.
 */
final class FixtureSite implements AutoCloseable {

    private record Page(String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<String>>> received = new ConcurrentHashMap<>();

    FixtureSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fixture site", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            Page page = pages.get(exchange.getRequestURI().getPath());
            received.put(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()));
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                if (page == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", page.contentType());
                exchange.sendResponseHeaders(200, page.body().length);
                out.write(page.body());
            }
        });
        server.start();
    }

    FixtureSite html(String path, String html) {
        pages.put(path, new Page("text/html; charset=utf-8", html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return this;
    }

    FixtureSite file(String path, String contentType, byte[] body) {
        pages.put(path, new Page(contentType, body));
        return this;
    }

    /**
     * The headers of the last request for {@code path}, names as {@code com.sun.net.httpserver.Headers}
     * normalises them ({@code User-agent}).
     */
    Map<String, List<String>> requestHeaders(String path) {
        return received.getOrDefault(path, Map.of());
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
