package org.clausecam.fetch;

import java.time.Duration;

/**
 * Limits and identity of plain HTTP fetches.
 *
 * @param connectTimeout      time to open a connection
 * @param timeout             time for a whole answer, body included (a body that never ends fails)
 * @param maxRedirects        redirects followed before giving up
 * @param maxBytes            largest body accepted
 * @param userAgent           sent as {@code User-Agent}; a browser's, since some sites refuse others
 * @param acceptLanguage      sent as {@code Accept-Language}
 * @param allowPrivateNetwork whether loopback, private and link-local addresses may be reached
 */
public record HttpFetchOptions(
        Duration connectTimeout,
        Duration timeout,
        int maxRedirects,
        long maxBytes,
        String userAgent,
        String acceptLanguage,
        boolean allowPrivateNetwork) {

    public static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public static final String DEFAULT_ACCEPT_LANGUAGE = "en-US,en;q=0.9";

    public HttpFetchOptions {
        if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must be >= 0");
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be > 0");
    }

    /** 10 s to connect, 60 s per answer, 10 redirects, 50 MiB, private network refused. */
    public static HttpFetchOptions defaults() {
        return new HttpFetchOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), 10, 50L * 1024 * 1024,
                DEFAULT_USER_AGENT, DEFAULT_ACCEPT_LANGUAGE, false);
    }

    public HttpFetchOptions withAllowPrivateNetwork(boolean allow) {
        return new HttpFetchOptions(connectTimeout, timeout, maxRedirects, maxBytes, userAgent, acceptLanguage, allow);
    }

    public HttpFetchOptions withTimeout(Duration newTimeout) {
        return new HttpFetchOptions(connectTimeout, newTimeout, maxRedirects, maxBytes, userAgent, acceptLanguage,
                allowPrivateNetwork);
    }

    public HttpFetchOptions withMaxRedirects(int max) {
        return new HttpFetchOptions(connectTimeout, timeout, max, maxBytes, userAgent, acceptLanguage,
                allowPrivateNetwork);
    }

    public HttpFetchOptions withMaxBytes(long max) {
        return new HttpFetchOptions(connectTimeout, timeout, maxRedirects, max, userAgent, acceptLanguage,
                allowPrivateNetwork);
    }

    public HttpFetchOptions withUserAgent(String agent) {
        return new HttpFetchOptions(connectTimeout, timeout, maxRedirects, maxBytes, agent, acceptLanguage,
                allowPrivateNetwork);
    }

    public HttpFetchOptions withAcceptLanguage(String language) {
        return new HttpFetchOptions(connectTimeout, timeout, maxRedirects, maxBytes, userAgent, language,
                allowPrivateNetwork);
    }
}
