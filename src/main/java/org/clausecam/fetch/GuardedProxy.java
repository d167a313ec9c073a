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
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small forward proxy on 127.0.0.1 through which guarded browser contexts and the guarded
 * {@link HttpFetcher} send all their traffic. Every connection a client asks for (a {@code CONNECT host:port} tunnel for https and
 * websockets, an absolute-form request for plain http) is checked by the {@link NetworkGuard}
 * at the moment it is made, and made to exactly the addresses the guard resolved and checked.
 * So redirect hops, subresources, frames and workers are all covered, which Playwright's routes
 * cannot do (a route sees only the first URL of a redirect chain), and a DNS answer that changes
 * between check and connection (rebinding) changes nothing.
 *
 * <p>A refused connection gets {@code 403} with an {@value #REFUSED_HEADER} header naming why;
 * Chromium shows it as the answer (http) or fails the tunnel (https); {@link HttpFetcher} turns
 * it into a {@link FetchException}.
 *
 * <p>One thread per direction of each connection; plain http requests are forwarded with
 * {@code Connection: close}, one request per connection, which keeps the proxy simple.
 */
public final class GuardedProxy implements AutoCloseable {

    /** Set on the proxy's own 403 (refused) and 502 (cannot connect) answers, with why. */
    public static final String REFUSED_HEADER = "X-Clausecam-Refused";

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final NetworkGuard guard;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "clausecam-guarded-proxy");
        t.setDaemon(true);
        return t;
    });

    /** Starts a proxy on a free port of 127.0.0.1; whoever starts it closes it. */
    public GuardedProxy(NetworkGuard guard) {
        this.guard = guard;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the guarded proxy on 127.0.0.1", e);
        }
        threads.execute(this::accept);
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

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            // Buffered for reading the head; what it read ahead of the body is forwarded from it too.
            InputStream in = new BufferedInputStream(client.getInputStream());
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
            if (requestLine.length != 3) {
                answer(client, 400, "Bad Request", null);
                return;
            }
            if (requestLine[0].equalsIgnoreCase("CONNECT")) {
                tunnel(client, in, requestLine[1]);
            } else {
                forward(client, in, requestLine, text);
            }
        } catch (IOException e) {
            // The client or the server hung up (a closed context, a cancelled request): nothing to report.
        }
    }

    private void tunnel(Socket client, InputStream in, String authority) throws IOException {
        URI target;
        try {
            target = new URI("https://" + authority + "/");
        } catch (URISyntaxException e) {
            answer(client, 400, "Bad Request", null);
            return;
        }
        try (Socket origin = connect(target, 443)) {
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            pipe(client, in, origin);
        } catch (FetchException e) {
            answer(client, e.kind() == FetchException.Kind.PERMANENT ? 403 : 502,
                    e.kind() == FetchException.Kind.PERMANENT ? "Forbidden" : "Bad Gateway", e.getMessage());
        }
    }

    private void forward(Socket client, InputStream in, String[] requestLine, String head) throws IOException {
        URI target;
        try {
            target = new URI(requestLine[1]);
        } catch (URISyntaxException e) {
            answer(client, 400, "Bad Request", null);
            return;
        }
        if (target.getHost() == null) {
            answer(client, 400, "Bad Request", null);
            return;
        }
        try (Socket origin = connect(target, 80)) {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            if (target.getRawQuery() != null) {
                path += "?" + target.getRawQuery();
            }
            StringBuilder request = new StringBuilder()
                    .append(requestLine[0]).append(' ').append(path).append(' ').append(requestLine[2]).append("\r\n");
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
            pipe(client, in, origin);
        } catch (FetchException e) {
            answer(client, e.kind() == FetchException.Kind.PERMANENT ? 403 : 502,
                    e.kind() == FetchException.Kind.PERMANENT ? "Forbidden" : "Bad Gateway", e.getMessage());
        }
    }

    /** Connects to one of the addresses the guard checked for this target. */
    private Socket connect(URI target, int defaultPort) throws FetchException {
        List<InetAddress> addresses = guard.permittedAddresses(target);
        int port = target.getPort() > 0 ? target.getPort() : defaultPort;
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
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
        throw new FetchException(target, FetchException.Kind.TRANSIENT, "cannot connect", last);
    }

    /** Copies both ways until the origin is done, then lets both sockets close. */
    private void pipe(Socket client, InputStream fromClient, Socket origin) throws IOException {
        threads.execute(() -> {
            try {
                fromClient.transferTo(origin.getOutputStream());
                origin.shutdownOutput();
            } catch (IOException e) {
                // One side closed: the other direction ends on its own.
            }
        });
        try {
            origin.getInputStream().transferTo(client.getOutputStream());
            client.shutdownOutput();
        } catch (SocketException e) {
            // The browser closed first (a context closed mid-download).
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

    /** The request line and headers, up to the blank line; null if the browser hung up first. */
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
        threads.shutdownNow();
    }
}
