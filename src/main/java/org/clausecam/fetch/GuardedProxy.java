package org.clausecam.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.clausecam.url.WebUrl;

/**
 * A small forward proxy on 127.0.0.1 through which guarded browser contexts and the guarded
 * {@link HttpFetcher} send all their traffic. Every connection a client asks for (a {@code CONNECT host:port} tunnel for https and
 * websockets, an absolute-form request for plain http) is checked by the {@link NetworkGuard}
 * at the moment it is made, and made to exactly the addresses the guard resolved and checked.
 * So redirect hops, subresources, frames and workers are all covered, which Playwright's routes
 * cannot do (a route sees only the first URL of a redirect chain), and a DNS answer that changes
 * between check and connection (rebinding) changes nothing. Targets are read with the browser's
 * URL parser ({@link WebUrl}), as the guard reads them.
 *
 * <p>A refused connection gets {@code 403} with an {@value #REFUSED_HEADER} header naming why;
 * Chromium shows it as the answer (http) or fails the tunnel (https); {@link HttpFetcher} turns
 * it into a {@link FetchException}.
 *
 * <p>Bounded ({@link ProxyLimits}): at most {@code maxConnections} connections, each on up to two
 * threads of a bounded pool (one per direction); one more is answered {@code 503} at once. A
 * connection ends when either side closes or when no byte moved either way for the idle timeout
 * (an abandoned capture, an origin that never answers): the accept thread sweeps for those
 * between accepts. Accept errors (no file descriptors left) are retried after a growing pause.
 * Plain http requests are forwarded with {@code Connection: close}, one request per connection.
 */
public final class GuardedProxy implements AutoCloseable {

    /** Set on the proxy's own 403 (refused), 502 (cannot connect) and 503 (busy) answers, with why. */
    public static final String REFUSED_HEADER = "X-Clausecam-Refused";

    /** Prefix of the names of the proxy's threads. */
    static final String THREAD_NAME = "clausecam-guarded-proxy";

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final long MAX_SWEEP_MILLIS = 1_000;

    /** How the accept thread pauses after a failure; a test's pause records them instead. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final NetworkGuard guard;
    private final ProxyLimits limits;
    private final ServerSocket server;
    private final Pause pause;
    private final ThreadPoolExecutor workers;
    private final Set<ProxyConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong acceptFailures = new AtomicLong();
    private final AtomicLong busyRefusals = new AtomicLong();
    private final Thread acceptor;

    /** Starts a proxy on a free port of 127.0.0.1 with the default limits; whoever starts it closes it. */
    public GuardedProxy(NetworkGuard guard) {
        this(guard, ProxyLimits.defaults());
    }

    public GuardedProxy(NetworkGuard guard, ProxyLimits limits) {
        this(guard, limits, openLoopbackServer(), pause -> Thread.sleep(pause.toMillis()));
    }

    /** With a server socket and a pause of the test's: accepts that fail on demand. */
    GuardedProxy(NetworkGuard guard, ProxyLimits limits, ServerSocket server, Pause pause) {
        this.guard = guard;
        this.limits = limits;
        this.server = server;
        this.pause = pause;
        AtomicInteger workerNumber = new AtomicInteger();
        // No queue: an admitted connection always finds a thread (2 per connection, and 2 spare for
        // a connection just ended whose threads are still returning); an idle thread ends after the
        // idle timeout, so a quiet proxy holds only its accept thread.
        this.workers = new ThreadPoolExecutor(0, 2 * limits.maxConnections() + 2,
                limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                r -> daemon(r, THREAD_NAME + "-" + server.getLocalPort() + "-worker-" + workerNumber.incrementAndGet()));
        try {
            server.setSoTimeout((int) Math.max(10, Math.min(limits.idleTimeout().toMillis() / 2, MAX_SWEEP_MILLIS)));
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot set the guarded proxy's accept timeout", e);
        }
        this.acceptor = daemon(this::acceptLoop, THREAD_NAME + "-" + server.getLocalPort() + "-accept");
        acceptor.start();
    }

    private static ServerSocket openLoopbackServer() {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the guarded proxy on 127.0.0.1", e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The guard that checks every connection made through this proxy. */
    public NetworkGuard guard() {
        return guard;
    }

    /** The address to give Chromium, e.g. {@code http://127.0.0.1:41234}. */
    public String address() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The address to give a {@link java.net.ProxySelector}. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Client connections being served now. */
    public int openConnections() {
        return open.size();
    }

    /** Accepts that failed since the start (each followed by a pause). */
    public long acceptFailures() {
        return acceptFailures.get();
    }

    /** Connections answered 503 because {@code maxConnections} were open. */
    public long busyRefusals() {
        return busyRefusals.get();
    }

    private void acceptLoop() {
        AcceptBackoff backoff = new AcceptBackoff(limits.maxAcceptBackoff());
        while (!server.isClosed()) {
            closeIdleConnections();
            Socket client;
            try {
                client = server.accept();
                backoff.afterSuccess();
            } catch (SocketTimeoutException e) {
                // No client within the sweep period: time to look for idle connections again.
                continue;
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                acceptFailures.incrementAndGet();
                try {
                    pause.sleep(backoff.afterFailure());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            admit(client);
        }
    }

    private void admit(Socket client) {
        ProxyConnection connection = new ProxyConnection(client);
        if (open.size() >= limits.maxConnections()) {
            refuseBusy(connection);
            return;
        }
        open.add(connection);
        try {
            workers.execute(() -> serve(connection));
        } catch (RejectedExecutionException e) {
            open.remove(connection);
            refuseBusy(connection);
        }
    }

    /** 503 on the accept thread: a short answer into a fresh socket's buffer never blocks. */
    private void refuseBusy(ProxyConnection connection) {
        busyRefusals.incrementAndGet();
        try {
            answer(connection.client(), 503, "Service Unavailable",
                    "the checking proxy is serving its limit of " + limits.maxConnections() + " connections");
        } catch (IOException e) {
            // The client is gone already; it is closed below like any refused one.
        } finally {
            connection.close();
        }
    }

    private void closeIdleConnections() {
        long now = System.nanoTime();
        long idle = limits.idleTimeout().toNanos();
        for (ProxyConnection connection : open) {
            if (connection.idleNanos(now) >= idle) {
                connection.close();
                open.remove(connection);
            }
        }
    }

    private void serve(ProxyConnection connection) {
        Socket client = connection.client();
        try {
            // Buffered for reading the head; what it read ahead of the body is forwarded from it too.
            InputStream in = new BufferedInputStream(client.getInputStream());
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            connection.touch();
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
            if (requestLine.length != 3) {
                answer(client, 400, "Bad Request", null);
                return;
            }
            if (requestLine[0].equalsIgnoreCase("CONNECT")) {
                tunnel(connection, in, requestLine[1]);
            } else {
                forward(connection, in, requestLine, text);
            }
        } catch (IOException e) {
            // Either side hung up, or the connection was closed as idle: the end of a connection,
            // which the client sees as such; nothing here can act on it.
        } finally {
            connection.close();
            open.remove(connection);
        }
    }

    private void tunnel(ProxyConnection connection, InputStream in, String authority) throws IOException {
        Socket client = connection.client();
        WebUrl target;
        URI uri;
        try {
            target = WebUrl.create("https://" + authority + "/", null);
            uri = target.toUri();
        } catch (IllegalArgumentException e) {
            answer(client, 400, "Bad Request", null);
            return;
        }
        try {
            Socket origin = connect(connection, uri, target.port());
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            pipe(connection, in, origin);
        } catch (FetchException e) {
            answer(client, e.kind() == FetchException.Kind.PERMANENT ? 403 : 502,
                    e.kind() == FetchException.Kind.PERMANENT ? "Forbidden" : "Bad Gateway", e.getMessage());
        }
    }

    private void forward(ProxyConnection connection, InputStream in, String[] requestLine, String head) throws IOException {
        Socket client = connection.client();
        WebUrl target;
        URI uri;
        try {
            target = WebUrl.create(requestLine[1], null);
            uri = target.toUri();
        } catch (IllegalArgumentException e) {
            answer(client, 400, "Bad Request", null);
            return;
        }
        if (target.host().isEmpty()) {
            answer(client, 400, "Bad Request", null);
            return;
        }
        try {
            Socket origin = connect(connection, uri, target.port());
            StringBuilder request = new StringBuilder()
                    .append(requestLine[0]).append(' ').append(target.pathAndQuery()).append(' ').append(requestLine[2])
                    .append("\r\n");
            for (String line : head.substring(head.indexOf("\r\n") + 2).split("\r\n")) {
                String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT) : "";
                if (line.isEmpty() || name.equals("connection") || name.startsWith("proxy-") || name.equals("keep-alive")
                        || name.equals("upgrade") || name.equals("http2-settings")) {
                    continue;
                }
                request.append(line).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream toOrigin = origin.getOutputStream();
            toOrigin.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            toOrigin.flush();
            pipe(connection, in, origin);
        } catch (FetchException e) {
            answer(client, e.kind() == FetchException.Kind.PERMANENT ? 403 : 502,
                    e.kind() == FetchException.Kind.PERMANENT ? "Forbidden" : "Bad Gateway", e.getMessage());
        }
    }

    /** Connects to one of the addresses the guard checked for this target. */
    private Socket connect(ProxyConnection connection, URI uri, int port) throws FetchException, IOException {
        List<InetAddress> addresses = guard.permittedAddresses(uri);
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            connection.origin(socket);
            try {
                socket.connect(new InetSocketAddress(address, port), (int) limits.connectTimeout().toMillis());
                connection.touch();
                return socket;
            } catch (IOException e) {
                last = e;
                try {
                    socket.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
        }
        throw new FetchException(uri, FetchException.Kind.TRANSIENT, "cannot connect", last);
    }

    /**
     * Copies both ways until one side is done, then the connection ends: an HTTP client never
     * half-closes, so the client's end of input means the client went away (a closed context).
     */
    private void pipe(ProxyConnection connection, InputStream fromClient, Socket origin) throws IOException {
        Socket client = connection.client();
        try {
            workers.execute(() -> upstream(connection, fromClient, origin));
        } catch (RejectedExecutionException e) {
            throw new IOException("no proxy thread free for the client's direction of " + origin.getInetAddress(), e);
        }
        copy(origin.getInputStream(), client.getOutputStream(), connection);
        client.shutdownOutput();
    }

    private static void upstream(ProxyConnection connection, InputStream fromClient, Socket origin) {
        try {
            copy(fromClient, origin.getOutputStream(), connection);
        } catch (IOException e) {
            // The other direction failed or the connection was closed: that side ends it.
        } finally {
            connection.close();
        }
    }

    private static void copy(InputStream from, OutputStream to, ProxyConnection connection) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = from.read(buffer)) != -1) {
            connection.touch();
            to.write(buffer, 0, n);
            to.flush();
            connection.touch();
        }
    }

    private static void answer(Socket client, int status, String reason, String refusal) throws IOException {
        StringBuilder response = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        if (refusal != null) {
            response.append(REFUSED_HEADER).append(": ").append(refusal.replaceAll("[\\r\\n]", " ")).append("\r\n");
        }
        response.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        OutputStream out = client.getOutputStream();
        out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The request line and headers, up to the blank line; null if the client hung up first. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
        }
        throw new IOException("request head longer than " + MAX_HEAD_BYTES + " bytes");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing a listening socket only fails if it is already closed.
        }
        acceptor.interrupt();
        open.forEach(ProxyConnection::close);
        open.clear();
        workers.shutdownNow();
    }
}
