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
        return builder().build();
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.timeout = timeout;
        b.maxRedirects = maxRedirects;
        b.maxBytes = maxBytes;
        b.userAgent = userAgent;
        b.acceptLanguage = acceptLanguage;
        b.allowPrivateNetwork = allowPrivateNetwork;
        return b;
    }

    /** Options built one setting at a time; the unset ones keep their defaults. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRedirects = 10;
        private long maxBytes = 50L * 1024 * 1024;
        private String userAgent = DEFAULT_USER_AGENT;
        private String acceptLanguage = DEFAULT_ACCEPT_LANGUAGE;
        private boolean allowPrivateNetwork = false;

        private Builder() {
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder maxRedirects(int maxRedirects) {
            this.maxRedirects = maxRedirects;
            return this;
        }

        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder acceptLanguage(String acceptLanguage) {
            this.acceptLanguage = acceptLanguage;
            return this;
        }

        public Builder allowPrivateNetwork(boolean allowPrivateNetwork) {
            this.allowPrivateNetwork = allowPrivateNetwork;
            return this;
        }

        public HttpFetchOptions build() {
            return new HttpFetchOptions(connectTimeout, timeout, maxRedirects, maxBytes, userAgent, acceptLanguage, allowPrivateNetwork);
        }
    }
}
