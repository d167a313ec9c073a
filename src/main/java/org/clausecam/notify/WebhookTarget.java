package org.clausecam.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A webhook URL events may be sent to: absolute http(s), and without user information: a URL's
 * {@code user:password@} would be sent as credentials, which the agent never does. Secrets a
 * receiver puts in its path or query are the receiver's choice; they are never printed.
 */
public record WebhookTarget(URI uri) {

    public static WebhookTarget parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--webhook is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("--webhook must be an absolute http(s) URL, was one of scheme '" + scheme + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--webhook " + new WebhookTarget(uri.resolve("/")).printable()
                    + " carries credentials (user:password@): the agent never sends credentials; "
                    + "put a token the receiver checks in the URL's path or query instead");
        }
        return new WebhookTarget(uri);
    }

    /** Scheme, host and port only: what can be printed without revealing a secret in the path or query. */
    public String printable() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
    }

    /** A message with this URL in it (a guard's refusal names it), the URL replaced by its printable form. */
    public String hidden(String message) {
        if (message == null) return null;
        return message.replace(uri.toString(), printable()).replace(uri.toASCIIString(), printable());
    }
}
