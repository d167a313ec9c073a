package org.clausecam.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The checking proxy's bounds, with real sockets on 127.0.0.1 only: abandoned connections are
 * released, a full proxy answers 503, failing accepts pause instead of spinning.
 */
class GuardedProxyTest {

    private static final NetworkGuard LOOPBACK_ONLY = NetworkGuard.allowingOnly(Set.of("127.0.0.1"));
    private static final ProxyLimits SHORT_IDLE = ProxyLimits.defaults().withIdleTimeout(Duration.ofMillis(300));

    private final SilentServer silent = new SilentServer();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) c.close();
        silent.close();
    }

    @Test
    void abandonedCapturesLeaveNoThreadAndNoSocketBehind() throws Exception {
        GuardedProxy proxy = started(new GuardedProxy(LOOPBACK_ONLY, SHORT_IDLE));
        int port = proxy.socketAddress().getPort();
        List<Socket> silentClients = new ArrayList<>();

        // 20 requests to an origin that accepts and never answers: half of the clients hang up
        // (a closed browser context), half stay connected and silent (a capture given up on).
        for (int i = 0; i < 20; i++) {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
            send(client, i % 2 == 0 ? silent.getRequest() : silent.connectRequest());
            if (i < 10) client.close();
            else silentClients.add(client);
        }
        awaitOrReport(() -> silent.accepted() == 20, "the proxy connected all 20 requests to the origin");

        awaitOrReport(() -> proxy.openConnections() == 0 && workerThreads(port) == 0
                        && OpenTcpConnections.withLocalPort(port) == 0 && OpenTcpConnections.withRemotePort(silent.port()) == 0,
                "everything released after the idle timeout");

        assertEquals(0, proxy.openConnections());
        assertEquals(0, workerThreads(port), "proxy worker threads left");
        assertEquals(0, OpenTcpConnections.withLocalPort(port), "proxy sockets left on the client side");
        assertEquals(0, OpenTcpConnections.withRemotePort(silent.port()), "proxy sockets left on the origin side");
        for (Socket client : silentClients) {
            client.setSoTimeout(30_000);
            // Reading to the end returns: the proxy closed the connection (a tunnel's 200 came first).
            client.getInputStream().readAllBytes();
            client.close();
        }
        proxy.close();
        awaitOrReport(() -> proxyThreads(port) == 0, "no proxy thread after close");
        assertEquals(0, proxyThreads(port));
    }

    @Test
    void aFullProxyAnswers503AtOnce() throws Exception {
        GuardedProxy proxy = started(new GuardedProxy(LOOPBACK_ONLY, ProxyLimits.defaults().withMaxConnections(2)));
        int port = proxy.socketAddress().getPort();
        Socket first = closedLater(new Socket(InetAddress.getLoopbackAddress(), port));
        Socket second = closedLater(new Socket(InetAddress.getLoopbackAddress(), port));
        send(first, silent.getRequest());
        send(second, silent.getRequest());
        awaitOrReport(() -> proxy.openConnections() == 2, "two connections held open by the silent origin");

        Socket third = closedLater(new Socket(InetAddress.getLoopbackAddress(), port));
        send(third, silent.getRequest());
        String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

        assertTrue(answer.startsWith("HTTP/1.1 503 "), answer);
        assertTrue(answer.contains(GuardedProxy.REFUSED_HEADER + ": the checking proxy is serving its limit of 2"), answer);
        assertEquals(1, proxy.busyRefusals());
    }

    @Test
    void acceptErrorsPauseLongerEachTimeAndTheProxyGoesOnAfterThem() throws Exception {
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        FailingServerSocket server = new FailingServerSocket(7);
        GuardedProxy proxy = started(new GuardedProxy(LOOPBACK_ONLY, ProxyLimits.defaults(), server, pauses::add));
        try (FixtureServer origin = new FixtureServer()) {
            origin.serve("/terms", "text/html", "<p>terms</p>");
            HttpFetcher viaProxy = new HttpFetcher(HttpFetchOptions.defaults(), new NetworkGuard(true),
                    java.net.ProxySelector.of(proxy.socketAddress()));

            FetchedDocument document = viaProxy.fetch(origin.url("/terms"));

            assertEquals(200, document.status());
        }
        assertEquals(7, proxy.acceptFailures());
        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 640L), pauses.stream().map(Duration::toMillis).toList());
    }

    @Test
    void theBackOffDoublesUpToItsCeilingAndStartsAgainAfterASuccess() {
        AcceptBackoff backoff = new AcceptBackoff(Duration.ofMillis(100));

        List<Long> first = List.of(backoff.afterFailure(), backoff.afterFailure(), backoff.afterFailure(),
                backoff.afterFailure(), backoff.afterFailure()).stream().map(Duration::toMillis).toList();
        backoff.afterSuccess();

        assertEquals(List.of(10L, 20L, 40L, 80L, 100L), first);
        assertEquals(Duration.ofMillis(10), backoff.afterFailure());
    }

    private GuardedProxy started(GuardedProxy proxy) {
        toClose.add(proxy);
        return proxy;
    }

    private Socket closedLater(Socket socket) {
        toClose.add(socket);
        return socket;
    }

    private static void send(Socket client, String request) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static long workerThreads(int proxyPort) {
        return threadsNamed(GuardedProxy.THREAD_NAME + "-" + proxyPort + "-worker-");
    }

    private static long proxyThreads(int proxyPort) {
        return threadsNamed(GuardedProxy.THREAD_NAME + "-" + proxyPort + "-");
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    /** Waits for a state the proxy reaches on its own; the assertions after it say what was left. */
    private static void awaitOrReport(BooleanSupplier reached, String what) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!reached.getAsBoolean() && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
    }

    /** An origin on 127.0.0.1 that accepts connections and never says a word. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentServer() {
            try {
                server = new ServerSocket();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) held.add(server.accept());
                } catch (IOException closed) {
                    // The test is over.
                }
            }, "silent-origin");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        String getRequest() {
            String target = "127.0.0.1:" + port();
            return "GET http://" + target + "/terms HTTP/1.1\r\nHost: " + target + "\r\n\r\n";
        }

        String connectRequest() {
            String target = "127.0.0.1:" + port();
            return "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n";
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) s.close();
        }
    }

    /** A listening socket whose first accepts fail as they do when no file descriptor is left. */
    private static final class FailingServerSocket extends ServerSocket {
        private int failuresLeft;

        FailingServerSocket(int failures) throws IOException {
            super();
            bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            this.failuresLeft = failures;
        }

        @Override
        public synchronized Socket accept() throws IOException {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IOException("Too many open files");
            }
            return super.accept();
        }
    }

}
