package org.clausecam.fetch;

import java.io.IOException;
import java.net.Socket;

/**
 * One client connection of the {@link GuardedProxy} and, once made, its connection to the
 * origin: both closed together, and when either was last active, so that the proxy can close
 * connections nobody uses any more.
 */
final class ProxyConnection {
    private final Socket client;
    private volatile Socket origin;
    private volatile long lastActive = System.nanoTime();

    ProxyConnection(Socket client) {
        this.client = client;
    }

    Socket client() {
        return client;
    }

    /** Registered before it connects, so that closing the connection also aborts the connect. */
    void origin(Socket socket) throws IOException {
        origin = socket;
        if (client.isClosed()) {
            socket.close();
            throw new IOException("the client connection was closed while connecting to the origin");
        }
    }

    void touch() {
        lastActive = System.nanoTime();
    }

    long idleNanos(long now) {
        return now - lastActive;
    }

    /** Closes both sides; threads blocked on either socket get an exception and end. */
    void close() {
        closeQuietly(client);
        Socket o = origin;
        if (o != null) {
            closeQuietly(o);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The socket is released whether or not the close reported a failure (a reset peer):
            // there is nothing left to do with it.
        }
    }
}
