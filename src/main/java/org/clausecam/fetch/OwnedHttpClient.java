package org.clausecam.fetch;

import java.net.http.HttpClient;
import java.util.HashSet;
import java.util.Set;

/**
 * A {@link HttpClient} that its owner can close, on Java 17 too. Java 17's client has no close
 * (it came in Java 21, used when present): its selector thread stays in a native wait until the
 * client is garbage-collected, and a JVM ending with a thread in native code waits 300 ms for it
 * at exit. That thread leaves its loop when interrupted.
 */
public final class OwnedHttpClient implements AutoCloseable {

    private final HttpClient client;
    /** The client's selector thread; null if it could not be told apart (then left to the JVM). */
    private final Thread selector;

    private OwnedHttpClient(HttpClient client, Thread selector) {
        this.client = client;
        this.selector = selector;
    }

    /** Builds the client, noting which thread it started. */
    public static OwnedHttpClient build(HttpClient.Builder builder) {
        synchronized (OwnedHttpClient.class) {
            // The client starts its selector thread as it is built: the one thread of that name
            // that was not there before is this client's (built one at a time, so no other's).
            Set<Thread> before = selectorThreads();
            HttpClient client = builder.build();
            Set<Thread> started = selectorThreads();
            started.removeAll(before);
            return new OwnedHttpClient(client, started.size() == 1 ? started.iterator().next() : null);
        }
    }

    public HttpClient client() {
        return client;
    }

    /** Ends the client's thread; requests after this fail. */
    @Override
    public void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the HTTP client failed", e);
            }
        } else if (selector != null) {
            selector.interrupt();
        }
    }

    private static Set<Thread> selectorThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        Set<Thread> selectors = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String name = threads[i].getName();
            if (name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
                selectors.add(threads[i]);
            }
        }
        return selectors;
    }
}
