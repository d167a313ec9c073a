package org.clausecam.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A one-attempt HTTP/1.1 GET for tests that always connects to 127.0.0.1 but sends the URL's host
 * in the Host header, so that {@code a.localhost}, {@code b.localhost}... reach one
 * {@link FaultServer} as distinct hosts (java.net.http cannot set Host). Classifies the answer the
 * way a real fetcher should: 2xx a document; 429 and 5xx transient with Retry-After; a challenge
 * blocked; other statuses permanent; connection failures and timeouts transient.
 */
final class LoopbackClient {

    static final int MAX_BODY = 1024 * 1024;

    private LoopbackClient() {
    }

    static FetchAttempt attempt(URI url) {
        return () -> get(url);
    }

    static FetchedDocument get(URI url) throws FetchException {
        return get(url, Duration.ofSeconds(10));
    }

    /** @param limit the whole exchange's time limit, so that a trickling endless body ends too */
    static FetchedDocument get(URI url, Duration limit) throws FetchException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), url.getPort()), 5_000);
            socket.setSoTimeout((int) Math.min(5_000, limit.toMillis()));
            OutputStream out = socket.getOutputStream();
            String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            if (statusLine == null) {
                throw new FetchException(url, FetchException.Kind.TRANSIENT, "connection closed before any answer");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(header.substring(colon + 1).trim());
            }
            byte[] body = body(url, in, headers, deadline, limit);
            Instant now = Instant.now();
            String mimeType = headers.getOrDefault("content-type", List.of("application/octet-stream")).get(0)
                    .split(";")[0].trim();
            FetchedDocument document = new FetchedDocument(url, url, FetcherKind.HTTP, status, statusLine, headers,
                    mimeType, body, now);
            if (status == 429 || status >= 500) {
                String retryAfter = headers.getOrDefault("retry-after", List.of()).stream().findFirst().orElse(null);
                throw new FetchException(url, FetchException.Kind.TRANSIENT, statusLine, null, null, RetryAfter.parse(retryAfter, now).orElse(null));
            }
            ChallengeDetector.requireNoChallenge(document);
            if (status >= 300) {
                throw new FetchException(url, FetchException.Kind.PERMANENT, statusLine);
            }
            return document;
        } catch (SocketTimeoutException e) {
            throw new FetchException(url, FetchException.Kind.TRANSIENT, "timed out", e);
        } catch (IOException e) {
            throw new FetchException(url, FetchException.Kind.TRANSIENT, "connection failed: " + e.getMessage(), e);
        }
    }

    private static byte[] body(URI url, InputStream in, Map<String, List<String>> headers, long deadline, Duration limit)
            throws IOException, FetchException {
        long declared = Long.parseLong(headers.getOrDefault("content-length", List.of("-1")).get(0));
        if (declared > MAX_BODY) {
            throw new FetchException(url, FetchException.Kind.PERMANENT,
                    "response of " + declared + " bytes is larger than the " + MAX_BODY + " bytes allowed");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            body.write(buffer, 0, n);
            if (System.nanoTime() - deadline > 0) {
                throw new FetchException(url, FetchException.Kind.TRANSIENT,
                        "response not finished within " + limit.toMillis() + " ms");
            }
            if (body.size() > MAX_BODY) {
                throw new FetchException(url, FetchException.Kind.PERMANENT,
                        "response larger than the " + MAX_BODY + " bytes allowed");
            }
        }
        if (declared >= 0 && body.size() < declared) {
            throw new FetchException(url, FetchException.Kind.TRANSIENT,
                    "connection closed after " + body.size() + " of " + declared + " bytes");
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
