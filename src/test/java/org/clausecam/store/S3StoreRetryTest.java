package org.clausecam.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the S3 store meets a server in trouble. S3Proxy cannot be told to answer 503, so a tiny
 * HTTP server on 127.0.0.1 plays an S3 endpoint that throttles or fails.
 */
class S3StoreRetryTest {

    static final String SLOW_DOWN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
            + "<Message>Please reduce your request rate.</Message></Error>";
    static final String INTERNAL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code>"
            + "<Message>We encountered an internal error. Please try again.</Message></Error>";

    HttpServer server;
    final AtomicInteger puts = new AtomicInteger();
    volatile int failuresBeforeSuccess;
    volatile int failureStatus;
    volatile String failureBody;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(404, -1);
            } else if (ex.getRequestMethod().equals("PUT") && puts.incrementAndGet() > failuresBeforeSuccess) {
                ex.getResponseHeaders().add("ETag", "\"0123456789abcdef0123456789abcdef\"");
                ex.sendResponseHeaders(200, -1);
            } else {
                byte[] body = failureBody.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/xml");
                ex.sendResponseHeaders(failureStatus, body.length);
                ex.getResponseBody().write(body);
            }
        }
    }

    S3Store open(int maxAttempts) throws StoreException {
        return S3Store.open(S3Location.parse("s3://bucket/p?endpoint=http://127.0.0.1:" + server.getAddress().getPort()
                        + "&maxAttempts=" + maxAttempts),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("retry-test-key", "retry-test-secret")));
    }

    @Test
    void a_throttled_write_is_retried_until_it_succeeds() throws Exception {
        failuresBeforeSuccess = 2;
        failureStatus = 503;
        failureBody = SLOW_DOWN;
        try (S3Store store = open(4)) {
            store.putBlob("throttled".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(3, puts.get());
    }

    @Test
    void a_server_that_keeps_failing_is_reported_after_the_last_attempt_naming_store_and_key() throws Exception {
        failuresBeforeSuccess = Integer.MAX_VALUE;
        failureStatus = 500;
        failureBody = INTERNAL;
        try (S3Store store = open(3)) {
            StoreException e = assertThrows(StoreException.class, () -> store.putBlob("lost?".getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().startsWith("s3://bucket/p at http://127.0.0.1:"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot write p/blobs/sha256/"), e.getMessage());
            assertTrue(e.getMessage().contains("storage did not answer after 3 attempts"), e.getMessage());
            assertFalse(e.getMessage().contains("retry-test-secret"), e.getMessage());
        }
        assertEquals(3, puts.get());
    }
}
