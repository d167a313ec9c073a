package org.clausecam.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 for tests: fixed answers per path, and a count of hits per path. */
public final class FixtureServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fixture-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public FixtureServer() {
        this("127.0.0.1");
    }

    /** On another loopback address (127.0.0.2…), to play a second host. */
    public FixtureServer(String loopbackAddress) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path);
    }

    /** Serves a fixed body with a status and content type. */
    public FixtureServer serve(String path, int status, String contentType, byte[] body) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            send(exchange, status, body);
        });
    }

    public FixtureServer serve(String path, String contentType, String body) {
        return serve(path, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves a test resource as it is. */
    public FixtureServer serveResource(String path, String contentType, String resource) {
        return serve(path, 200, contentType, resource(resource));
    }

    public FixtureServer redirect(String path, int status, String location) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            send(exchange, status, new byte[0]);
        });
    }

    public FixtureServer handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                send(exchange, 404, "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static byte[] resource(String name) {
        try (InputStream in = FixtureServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
