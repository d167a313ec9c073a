package org.clausecam.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clausecam.url.WebHost;
import org.clausecam.url.WebUrl;

/**
 * Plain HTTP GET of a source document. Redirects are followed here, one hop at a time, so that
 * every hop passes the {@link NetworkGuard} (a public page redirecting to a metadata endpoint is
 * refused) and loops are named. Bodies are read up to a size limit and a deadline that covers
 * the whole body, so neither a huge nor a never-ending answer can hold a run.
 *
 * <p>Without private network access, connections go through the {@link GuardedProxy} given, which
 * connects only to the addresses it checked: the client's own later resolution would otherwise
 * give a DNS answer that changed since {@link NetworkGuard#check} (rebinding to 169.254.169.254,
 * say) a way in.
 *
 * <p>No {@code Accept-Encoding} is sent: the content kept is then byte for byte what the
 * headers describe, which a WARC export needs.
 *
 * <p>Thread-safe; one instance can serve a whole run. {@link #close() Close} it when the run is over.
 */
public final class HttpFetcher implements AutoCloseable {

    /** The least limit for a PDF answer: 128 MiB, under the PDF reader's own (extract.BrowserPdfTextReader). */
    public static final long MIN_PDF_LIMIT = 128L * 1024 * 1024;

    private final HttpFetchOptions options;
    private final NetworkGuard guard;
    private final OwnedHttpClient client;
    private final boolean throughGuardedProxy;
    /** Ends bodies that outlive the deadline; its one thread exists only while bodies are being read. */
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "clausecam-http-deadlines");
        t.setDaemon(true);
        return t;
    });

    /**
     * A fetcher that connects directly. Its options must allow the private network: a fetcher
     * that refuses it needs the {@link GuardedProxy} ({@link #HttpFetcher(HttpFetchOptions, GuardedProxy)}).
     */
    public HttpFetcher(HttpFetchOptions options) {
        this(options, new NetworkGuard(requireAllowed(options)), (ProxySelector) null);
    }

    /** Refusing the private network: every connection goes through {@code proxy}, which checks it with its guard. */
    public HttpFetcher(HttpFetchOptions options, GuardedProxy proxy) {
        this(options, proxy.guard(), proxy);
    }

    private HttpFetcher(HttpFetchOptions options, NetworkGuard guard, GuardedProxy proxy) {
        this(options, guard, ProxySelector.of(proxy.socketAddress()), true);
    }

    /**
     * Through an HTTP proxy of the caller's: a site's outbound proxy, or, in tests, a local server
     * standing in for many host names ({@code a.localhost}, {@code b.localhost}) as Chromium does by
     * itself. The guard checks each URL and redirect hop; connections then resolve names again, so
     * this is for guards that allow the private network or tests.
     *
     * @param proxy null for direct connections
     */
    public HttpFetcher(HttpFetchOptions options, NetworkGuard guard, ProxySelector proxy) {
        this(options, guard, proxy, false);
    }

    private HttpFetcher(HttpFetchOptions options, NetworkGuard guard, ProxySelector proxy, boolean throughGuardedProxy) {
        this.options = options;
        this.guard = guard;
        this.throughGuardedProxy = throughGuardedProxy;
        deadlines.setKeepAliveTime(30, TimeUnit.SECONDS);
        deadlines.allowCoreThreadTimeOut(true);
        deadlines.setRemoveOnCancelPolicy(true);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout());
        if (proxy != null) {
            builder.proxy(proxy);
        }
        this.client = OwnedHttpClient.build(builder);
    }

    /** Ends the client's thread and the deadline timer; fetching after this fails. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close();
    }

    private static boolean requireAllowed(HttpFetchOptions options) {
        if (!options.allowPrivateNetwork()) {
            throw new IllegalArgumentException("a fetcher that refuses the private network goes through a GuardedProxy");
        }
        return true;
    }

    public HttpFetchOptions options() {
        return options;
    }

    /**
     * Fetches a URL, following redirects.
     *
     * @return the 2xx answer, its location being the last URL after redirects
     * @throws FetchException for a refused URL, too many redirects or a loop, a non-2xx answer
     *                        (kind from {@link HttpStatus#failureKind}, or BLOCKED when the answer
     *                        is a challenge page), a timeout, a connection error or a body too large
     */
    public FetchedDocument fetch(URI url) throws FetchException {
        Set<String> visited = new LinkedHashSet<>();
        // Every hop is read as the browser reads it and requested in that form, so the guard
        // checks, and the connection goes to, the same host: http://0177.0.0.1/ is 127.0.0.1 for both.
        WebUrl current = NetworkGuard.readAsBrowser(url);
        URI firstHop = requestable(url, current);
        while (true) {
            URI target = requestable(url, current);
            guard.check(target);
            if (!visited.add(current.withoutFragment().toString())) {
                throw new FetchException(url, FetchException.Kind.PERMANENT,
                        "redirect loop: " + String.join(" -> ", visited) + " -> " + current);
            }
            FetchedDocument answer = get(url, target);
            if (HttpStatus.isRedirect(answer.status())) {
                String location = first(answer.headers(), "location");
                if (location == null) {
                    throw new FetchException(url, FetchException.Kind.PERMANENT,
                            "redirect " + answer.status() + " from " + current + " without a Location header",
                            null, answer, null);
                }
                if (visited.size() > options.maxRedirects()) {
                    throw new FetchException(url, FetchException.Kind.PERMANENT,
                            "more than " + options.maxRedirects() + " redirects: " + String.join(" -> ", visited));
                }
                try {
                    current = WebUrl.create(location, current);
                } catch (IllegalArgumentException e) {
                    throw new FetchException(url, FetchException.Kind.PERMANENT,
                            "redirect from " + current + " to a malformed Location '" + location + "'", e);
                }
                continue;
            }
            if (!HttpStatus.isSuccess(answer.status())) {
                throw failure(url, firstHop, answer);
            }
            return answer;
        }
    }

    /** The hop as java.net.http takes it; its host is the one the guard reads. */
    private static URI requestable(URI requested, WebUrl hop) throws FetchException {
        URI uri;
        try {
            uri = hop.toUri();
        } catch (IllegalArgumentException e) {
            throw new FetchException(requested, FetchException.Kind.PERMANENT, "cannot request " + hop, e);
        }
        if (!canRequest(uri)) {
            throw new FetchException(requested, FetchException.Kind.PERMANENT, "plain HTTP cannot request " + hop
                    + ": its host " + hop.host().map(WebHost::serialized).orElse("")
                    + " holds characters that browsers accept but java.net.http refuses in a host name (such as '_');"
                    + " only the browser can fetch it (executeClientScripts unset or true)");
        }
        return uri;
    }

    /**
     * Whether java.net.http can request this URL. It takes only hosts that {@link URI} reads as
     * server names (RFC 2396): a name the URL Standard accepts with {@code _}, {@code ~}, {@code !}
     * and the like ({@code a_b.example}) is left without a host there, and no form of
     * {@link URI} (nor a {@code Host} header, which java.net.http reserves) carries it. Chromium
     * fetches such hosts.
     */
    public static boolean canRequest(URI url) {
        return url.getHost() != null;
    }

    private FetchException failure(URI url, URI firstHop, FetchedDocument answer) {
        FetchException.Kind kind = ChallengeDetector.challenge(answer).isPresent()
                ? FetchException.Kind.BLOCKED
                : HttpStatus.failureKind(answer.status());
        String where = answer.location().equals(firstHop) ? "" : " (at " + answer.location() + ")";
        return new FetchException(url, kind, "answered " + answer.statusLine() + where
                + (kind == FetchException.Kind.BLOCKED ? ", looks like a bot wall" : ""),
                null, answer, RetryAfter.parse(first(answer.headers(), "retry-after"), Instant.now()).orElse(null));
    }

    private FetchedDocument get(URI requested, URI target) throws FetchException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(target)
                    .GET()
                    .timeout(options.timeout())
                    .header("User-Agent", options.userAgent())
                    .header("Accept-Language", options.acceptLanguage())
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .build();
        } catch (IllegalArgumentException e) {
            throw new FetchException(requested, FetchException.Kind.PERMANENT, "cannot request " + target, e);
        }
        long deadline = System.nanoTime() + options.timeout().toNanos();
        HttpResponse<InputStream> response;
        try {
            response = client.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException(requested, FetchException.Kind.TRANSIENT,
                    "connection to " + target.getHost() + " timed out after " + readable(options.connectTimeout()), e);
        } catch (HttpTimeoutException e) {
            throw new FetchException(requested, FetchException.Kind.TRANSIENT,
                    "no answer from " + target + " within " + readable(options.timeout()), e);
        } catch (ConnectException e) {
            throw new FetchException(requested, FetchException.Kind.TRANSIENT, "cannot connect to " + target, e);
        } catch (IOException e) {
            Integer tunnelStatus = throughGuardedProxy ? refusedTunnelStatus(e) : null;
            if (tunnelStatus != null) {
                throw proxyRefusal(requested, target, tunnelStatus, "the tunnel to " + target.getHost()
                        + " was refused (" + tunnelStatus + ")", e);
            }
            throw new FetchException(requested, FetchException.Kind.TRANSIENT,
                    "connection error on " + target + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(requested, FetchException.Kind.TRANSIENT, "interrupted", e);
        }
        Map<String, List<String>> headers = lowerCased(response.headers().map());
        String refusal = throughGuardedProxy ? first(headers, GuardedProxy.REFUSED_HEADER.toLowerCase(Locale.ROOT)) : null;
        if (refusal != null) {
            closeQuietly(response.body());
            throw proxyRefusal(requested, target, response.statusCode(), refusal);
        }
        byte[] body = readBody(requested, target, response, headers, deadline);
        String protocol = response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
        return new FetchedDocument(requested, target, FetcherKind.HTTP, response.statusCode(),
                HttpStatus.statusLine(protocol, response.statusCode(), null), headers,
                mimeType(first(headers, "content-type"), body), body, Instant.now());
    }

    private byte[] readBody(URI requested, URI target, HttpResponse<InputStream> response,
                            Map<String, List<String>> headers, long deadline) throws FetchException {
        long limit = limitFor(first(headers, "content-type"));
        String declaredLength = first(headers, "content-length");
        int expected = 0;
        if (declaredLength != null) {
            try {
                long length = Long.parseLong(declaredLength.strip());
                if (length > limit) {
                    closeQuietly(response.body());
                    throw tooLarge(requested, target, limit, length + " bytes announced");
                }
                expected = (int) Math.max(0, length);
            } catch (NumberFormatException e) {
                // An unparseable Content-Length is the server's problem; the read below still bounds the size.
            }
        }
        AtomicBoolean expired = new AtomicBoolean();
        long remaining = Math.max(1, deadline - System.nanoTime());
        InputStream in = response.body();
        ScheduledFuture<?> watchdog = deadlines.schedule(() -> {
            expired.set(true);
            closeQuietly(in);
        }, remaining, TimeUnit.NANOSECONDS);
        try (in) {
            // Sized from Content-Length: a report of tens of MB is not copied at every doubling.
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, Math.min(expected, 1 << 30)));
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if ((long) out.size() + n > limit) {
                    throw tooLarge(requested, target, limit, "more than " + limit + " bytes received");
                }
                out.write(buffer, 0, n);
            }
            if (expired.get()) {
                throw bodyTimeout(requested, target, null);
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (expired.get()) {
                throw bodyTimeout(requested, target, e);
            }
            throw new FetchException(requested, FetchException.Kind.TRANSIENT,
                    "connection broken while reading " + target + ": " + e, e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private static FetchException proxyRefusal(URI requested, URI target, int status, String why) {
        return proxyRefusal(requested, target, status, why, null);
    }

    /**
     * The guarded proxy's own answer: 403 when the address it resolved at connection time is
     * refused (a DNS answer that changed since the check), 502 when it cannot connect.
     */
    private static FetchException proxyRefusal(URI requested, URI target, int status, String why, Throwable cause) {
        return status == 403
                ? new FetchException(requested, FetchException.Kind.PERMANENT,
                        "refused at connection to " + target + ": " + why, cause)
                : new FetchException(requested, FetchException.Kind.TRANSIENT,
                        "cannot connect to " + target + ": " + why, cause);
    }

    /**
     * The status the guarded proxy gave a refused CONNECT (https), which java.net.http reports
     * only as an IOException "Tunnel failed, got: 403"; null for any other IOException.
     */
    private static Integer refusedTunnelStatus(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.startsWith("Tunnel failed, got: ")) {
                try {
                    return Integer.parseInt(message.substring("Tunnel failed, got: ".length()).strip());
                } catch (NumberFormatException notAStatus) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The largest body accepted: {@link HttpFetchOptions#maxBytes}, and for PDFs at least
     * {@link #MIN_PDF_LIMIT}, since systemic-risk reports run to 60 MB where no HTML page does.
     */
    private long limitFor(String contentType) {
        boolean pdf = contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("application/pdf");
        return pdf ? Math.max(options.maxBytes(), MIN_PDF_LIMIT) : options.maxBytes();
    }

    private static FetchException tooLarge(URI requested, URI target, long limit, String detail) {
        return new FetchException(requested, FetchException.Kind.PERMANENT,
                "answer of " + target + " exceeds the limit of " + limit + " bytes (" + detail + ")");
    }

    private FetchException bodyTimeout(URI requested, URI target, Throwable cause) {
        return new FetchException(requested, FetchException.Kind.TRANSIENT,
                "body of " + target + " not complete within " + readable(options.timeout()), cause);
    }

    /** "60 s" or "250 ms", for messages people read (not ISO-8601 "PT1M"). */
    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing only aborts a read we no longer want; its failure changes nothing.
        }
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> received) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        received.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
            }
        });
        headers.replaceAll((k, v) -> List.copyOf(v));
        return java.util.Collections.unmodifiableMap(headers);
    }

    static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The media type without parameters; sniffed from the first bytes when the server sent none. */
    static String mimeType(String contentType, byte[] body) {
        if (contentType != null && !contentType.isBlank()) {
            int semicolon = contentType.indexOf(';');
            String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
            if (!type.isEmpty()) {
                return type.toLowerCase(Locale.ROOT);
            }
        }
        if (body.length >= 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F' && body[4] == '-') {
            return "application/pdf";
        }
        String start = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                || start.startsWith("<body")) {
            return "text/html";
        }
        return "application/octet-stream";
    }
}
