package org.clausecam.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server on a loopback address (127.0.0.1 unless started on another) that misbehaves on demand, chosen by path. It speaks raw
 * sockets (one request per connection, {@code Connection: close}) so that it can also reset
 * connections, stall, and never finish. It records every request (Host header, path, arrival,
 * Sec-Fetch-Dest) and the most document requests in flight at once per Host header.
 *
 * <table>
 * <tr><td>{@code /ok/...}</td><td>200, a small terms page</td></tr>
 * <tr><td>{@code /status/{code}/...}</td><td>that status, small HTML body</td></tr>
 * <tr><td>{@code /flaky/{n}/...}</td><td>503 for the first n requests (per host and path), then 200</td></tr>
 * <tr><td>{@code /retry-after/{code}/{seconds}/...}</td><td>first request: code (429, 503) with
 *     {@code Retry-After: seconds}; then 200</td></tr>
 * <tr><td>{@code /reset/...}</td><td>headers and 1 KB of a promised 64 KB body, then a TCP reset</td></tr>
 * <tr><td>{@code /slow/{millis}/...}</td><td>200 after waiting that long before the first byte</td></tr>
 * <tr><td>{@code /never-ending/...}</td><td>200 chunked HTML that never ends</td></tr>
 * <tr><td>{@code /redirect-loop/a}, {@code /b}</td><td>302 to each other</td></tr>
 * <tr><td>{@code /huge/{mb}/...}</td><td>200 with an HTML body of that many MiB (50 in the issue)</td></tr>
 * <tr><td>{@code /never-loads/...}</td><td>a page whose {@code <img>} response never completes,
 *     so {@code load} never fires</td></tr>
 * <tr><td>{@code /hang/...}</td><td>headers, then nothing until the client or server goes away</td></tr>
 * <tr><td>{@code /endless/...}</td><td>a page that keeps growing (infinite scroll, and a timer)</td></tr>
 * <tr><td>{@code /challenge/...}</td><td>a Cloudflare-style "Just a moment..." 403 challenge</td></tr>
 * <tr><td>{@code /rendezvous/{n}/...}</td><td>200 only once n requests wait here together;
 *     504 after 5 s otherwise (proves parallelism without timing)</td></tr>
 * <tr><td>pages added with {@link #page}</td><td>that content</td></tr>
 * </table>
 * With {@link #startFlaky(double, long)}, the first request (per host and path) of that share of
 * the {@code /ok/} and added pages fails transiently (503, 500 or a reset, by the same hash), chosen
 * deterministically by a seeded hash of the path; {@link #failsFirstAttempt} tells which.
 */
public final class FaultServer implements AutoCloseable {

    /**
     * One request as the server saw it; {@code at} is measured from the server's start, and
     * {@code destination} is the browser's {@code Sec-Fetch-Dest} ({@code document}, {@code image}...)
     * or {@code null} from a plain HTTP client.
     */
    public record Request(String host, String path, Duration at, String destination) {

        /** A page or document fetch, as opposed to a browser's subresource (image, favicon, script). */
        public boolean isDocument() {
            return destination == null || destination.equals("document") || destination.equals("iframe");
        }
    }

    private record Page(String contentType, byte[] body) {
    }

    private final ServerSocket listener;
    private final InetAddress address;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-server");
        thread.setDaemon(true);
        return thread;
    });
    private final long startNanos = System.nanoTime();
    private final double flakyShare;
    private final long seed;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new ArrayList<>(); // guarded by itself
    private final Map<String, Integer> seen = new HashMap<>(); // host + path -> count; guarded by requests
    private final Map<String, Integer> inFlight = new HashMap<>(); // guarded by requests
    private final Map<String, Integer> maxInFlight = new TreeMap<>(); // guarded by requests
    private final Map<String, CountDownLatch> rendezvous = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private FaultServer(double flakyShare, long seed, InetAddress address) throws IOException {
        this.flakyShare = flakyShare;
        this.seed = seed;
        this.address = address;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(address, 0), 200);
        workers.execute(this::acceptLoop);
    }

    public static FaultServer start() throws IOException {
        return new FaultServer(0, 0, InetAddress.getLoopbackAddress());
    }

    /** A server where the first request of {@code share} (0..1) of the ordinary pages fails. */
    public static FaultServer startFlaky(double share, long seed) throws IOException {
        return new FaultServer(share, seed, InetAddress.getLoopbackAddress());
    }

    /** A well-behaved server (see {@link #startFlaky}) listening on one loopback address, e.g. 127.0.0.5. */
    public static FaultServer start(String loopbackAddress) throws IOException {
        return new FaultServer(0, 0, InetAddress.getByName(loopbackAddress));
    }

    /**
     * A flaky server listening on one loopback address, e.g. 127.0.0.2 (Linux routes all of
     * 127/8 to the loopback interface), so that a browser and an HTTP client both see a host of
     * its own without name mapping.
     */
    public static FaultServer startFlaky(double share, long seed, String loopbackAddress) throws IOException {
        return new FaultServer(share, seed, InetAddress.getByName(loopbackAddress));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://address:port/path}, the address it listens on (127.0.0.1 unless started on another). */
    public URI url(String path) {
        return url(address.getHostAddress(), path);
    }

    /** {@code http://host:port/path}; {@code *.localhost} hosts must be mapped to 127.0.0.1 by the client. */
    public URI url(String host, String path) {
        return URI.create("http://" + host + ":" + port() + path);
    }

    /** Serves {@code body} at exactly {@code path} (no query), on every host. */
    public void page(String path, String contentType, byte[] body) {
        pages.put(path, new Page(contentType, body.clone()));
    }

    public void page(String path, String html) {
        page(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the first request for {@code path} fails in flaky mode. */
    public boolean failsFirstAttempt(String path) {
        if (flakyShare <= 0) {
            return false;
        }
        return (Math.floorMod(mix(path), 10_000)) < flakyShare * 10_000;
    }

    /** All requests so far, in arrival order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests for {@code path} on any host. */
    public int requestCount(String path) {
        return (int) requests().stream().filter(r -> r.path().equals(path)).count();
    }

    /**
     * Document requests per Host header (lower-cased, no port); a browser's subresources, such as
     * the {@code /favicon.ico} Chromium asks for after each page, are left out.
     */
    public Map<String, Integer> requestsPerHost() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Request request : requests()) {
            if (!request.isDocument()) {
                continue;
            }
            counts.merge(request.host(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The most document requests (see {@link Request#isDocument}) carrying this Host header that
     * were in flight at once; a browser's subresources are left out because per-host politeness
     * governs page loads, not the images a page pulls in.
     */
    public int maxInFlight(String host) {
        synchronized (requests) {
            return maxInFlight.getOrDefault(host.toLowerCase(Locale.ROOT), 0);
        }
    }

    /** The most document requests in flight at once, per Host header. */
    public Map<String, Integer> maxInFlightPerHost() {
        synchronized (requests) {
            return Map.copyOf(maxInFlight);
        }
    }

    /** Arrival times of the requests for {@code path}, measured from the server's start. */
    public List<Duration> arrivals(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).map(Request::at).toList();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing a listener we own: nothing left to release.
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(socket);
            workers.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        Request request = null;
        try {
            socket.setSoTimeout(60_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String requestLine = readLine(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return; // a preconnect that never asked anything
            }
            Map<String, String> headers = readHeaders(in);
            String[] parts = requestLine.split(" ");
            String target = parts.length > 1 ? parts[1] : "/";
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            String host = hostOf(headers.getOrDefault("host", "127.0.0.1"));
            request = new Request(host, path, Duration.ofNanos(System.nanoTime() - startNanos),
                    headers.get("sec-fetch-dest"));
            int count = arrived(request);
            OutputStream out = socket.getOutputStream();
            respond(socket, in, out, host, path, count, "HEAD".equals(parts[0]));
            out.flush();
        } catch (IOException e) {
            // The client went away or the server is closing: both are expected here.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Counted out before the close, which is what lets the client send its next request.
            if (request != null) {
                left(request);
            }
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    private void respond(Socket socket, InputStream in, OutputStream out, String host, String path, int count, boolean head)
            throws IOException, InterruptedException {
        String[] segments = path.substring(1).split("/");
        String mode = segments[0];
        Page page = pages.get(path);
        if (page != null || mode.equals("ok")) {
            if (count == 1 && failsFirstAttempt(path)) {
                injectTransient(socket, out, path);
                return;
            }
            if (page != null) {
                send(out, 200, "OK", page.contentType(), page.body(), Map.of(), head);
            } else {
                html(out, 200, "OK", termsPage(path), Map.of(), head);
            }
            return;
        }
        switch (mode) {
            case "status" -> {
                int status = Integer.parseInt(segments[1]);
                html(out, status, reasonPhrase(status), "<html><body><h1>" + status + "</h1></body></html>", Map.of(), head);
            }
            case "flaky" -> {
                if (count <= Integer.parseInt(segments[1])) {
                    html(out, 503, "Service Unavailable", "<html><body>try later</body></html>", Map.of(), head);
                } else {
                    html(out, 200, "OK", termsPage(path), Map.of(), head);
                }
            }
            case "retry-after" -> {
                int status = Integer.parseInt(segments[1]);
                if (count == 1) {
                    html(out, status, reasonPhrase(status), "<html><body>slow down</body></html>",
                            Map.of("Retry-After", segments[2]), head);
                } else {
                    html(out, 200, "OK", termsPage(path), Map.of(), head);
                }
            }
            case "reset" -> reset(socket, out);
            case "slow" -> {
                Thread.sleep(Long.parseLong(segments[1]));
                html(out, 200, "OK", termsPage(path), Map.of(), head);
            }
            case "never-ending" -> neverEnding(out);
            case "redirect-loop" -> {
                String next = path.endsWith("/a") ? "/redirect-loop/b" : "/redirect-loop/a";
                html(out, 302, "Found", "<html><body>moved</body></html>", Map.of("Location", next), head);
            }
            case "huge" -> huge(out, Long.parseLong(segments[1]) * 1024 * 1024, head);
            case "never-loads" -> html(out, 200, "OK", "<html><head><title>Never loads</title></head><body>"
                    + "<h1>Terms</h1><p>These terms are here, but the image below never finishes.</p>"
                    + "<img src=\"/hang/pixel.png\" alt=\"\"></body></html>", Map.of(), head);
            case "hang" -> {
                writeHead(out, 200, "OK", "image/png", 1000, Map.of());
                out.flush();
                socket.setSoTimeout(0);
                while (!closed && in.read() != -1) {
                    // Holds the response open until the client gives up or the server closes.
                }
            }
            case "endless" -> html(out, 200, "OK", ENDLESS_PAGE, Map.of(), head);
            case "challenge" -> html(out, 403, "Forbidden", CHALLENGE_PAGE,
                    Map.of("Server", "cloudflare", "cf-mitigated", "challenge", "Cache-Control", "no-store"), head);
            case "rendezvous" -> {
                int parties = Integer.parseInt(segments[1]);
                CountDownLatch latch = rendezvous.computeIfAbsent(path, p -> new CountDownLatch(parties));
                latch.countDown();
                if (latch.await(5, TimeUnit.SECONDS)) {
                    html(out, 200, "OK", termsPage(path), Map.of(), head);
                } else {
                    html(out, 504, "Gateway Timeout", "<html><body>nobody came</body></html>", Map.of(), head);
                }
            }
            default -> html(out, 404, "Not Found", "<html><body>no such page</body></html>", Map.of(), head);
        }
    }

    private void injectTransient(Socket socket, OutputStream out, String path) throws IOException {
        switch (Math.floorMod(mix(path + "#how"), 3)) {
            case 0 -> html(out, 503, "Service Unavailable", "<html><body>injected 503</body></html>", Map.of(), false);
            case 1 -> html(out, 500, "Internal Server Error", "<html><body>injected 500</body></html>", Map.of(), false);
            default -> reset(socket, out);
        }
    }

    private static void reset(Socket socket, OutputStream out) throws IOException {
        writeHead(out, 200, "OK", "text/html; charset=utf-8", 65_536, Map.of());
        out.write("<html><body>".concat("x".repeat(1012)).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // Linger 0 makes the close in serve() send RST instead of FIN: the client sees a reset mid-body.
        socket.setSoLinger(true, 0);
    }

    private void neverEnding(OutputStream out) throws IOException, InterruptedException {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        chunk(out, "<html><head><title>Never ending</title></head><body><h1>Terms</h1>");
        for (int i = 0; !closed; i++) {
            chunk(out, "<p>Clause " + i + " of a document that never ends.</p>\n");
            Thread.sleep(50);
        }
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void huge(OutputStream out, long length, boolean head) throws IOException {
        writeHead(out, 200, "OK", "text/html; charset=utf-8", length, Map.of());
        if (head) {
            return;
        }
        byte[] block = ("<p>" + "Lorem ipsum dolor sit amet. ".repeat(36) + "</p>\n").getBytes(StandardCharsets.US_ASCII);
        long left = length;
        while (left > 0) {
            int n = (int) Math.min(block.length, left);
            out.write(block, 0, n);
            left -= n;
        }
    }

    private static void html(OutputStream out, int status, String reason, String body, Map<String, String> extra, boolean head)
            throws IOException {
        send(out, status, reason, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), extra, head);
    }

    private static void send(OutputStream out, int status, String reason, String contentType, byte[] body,
                             Map<String, String> extra, boolean head) throws IOException {
        writeHead(out, status, reason, contentType, body.length, extra);
        if (!head) {
            out.write(body);
        }
    }

    private static void writeHead(OutputStream out, int status, String reason, String contentType, long length,
                                  Map<String, String> extra) throws IOException {
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        extra.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private int arrived(Request request) {
        synchronized (requests) {
            requests.add(request);
            if (request.isDocument()) {
                int now = inFlight.merge(request.host(), 1, Integer::sum);
                maxInFlight.merge(request.host(), now, Math::max);
            }
            return seen.merge(request.host() + request.path(), 1, Integer::sum);
        }
    }

    private void left(Request request) {
        if (request.isDocument()) {
            synchronized (requests) {
                inFlight.merge(request.host(), -1, Integer::sum);
            }
        }
    }

    private long mix(String text) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        return h;
    }

    private static String termsPage(String path) {
        StringBuilder body = new StringBuilder("<html><head><title>Terms at ").append(path)
                .append("</title></head><body><h1>Terms of Service</h1>");
        for (int i = 1; i <= 5; i++) {
            body.append("<p>Clause ").append(i).append(" of the terms published at ").append(path).append(".</p>");
        }
        return body.append("</body></html>").toString();
    }

    private static String hostOf(String hostHeader) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return host.substring(0, host.indexOf(']') + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(Arrays.copyOf(bytes, end), StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Tearing down: the peer may already be gone.
        }
    }

    private static final String ENDLESS_PAGE = """
            <html><head><title>Endless terms</title></head><body><h1>Terms</h1>
            <script>
              let n = 0;
              function more() {
                for (let i = 0; i < 20; i++) {
                  const p = document.createElement('p');
                  p.textContent = 'Clause ' + (++n) + ': more terms appear as you scroll.';
                  p.style.height = '60px';
                  document.body.appendChild(p);
                }
              }
              more();
              window.addEventListener('scroll', () => {
                if (window.innerHeight + window.scrollY >= document.body.scrollHeight - 500) more();
              });
              setInterval(more, 100);
            </script></body></html>
            """;

    private static final String CHALLENGE_PAGE = """
            <!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
            <meta http-equiv="refresh" content="390"></head><body>
            <div class="main-wrapper" role="main"><div class="main-content">
            <h1 class="zone-name-title h1">example.com</h1>
            <h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
            <noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript>
            </div></div>
            <script>(function(){window._cf_chl_opt={cvId: '3',cType: 'managed'};
            var a = document.createElement('script');a.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=1';
            document.getElementsByTagName('head')[0].appendChild(a);}());</script>
            </body></html>
            """;
}
