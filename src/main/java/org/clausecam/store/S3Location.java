package org.clausecam.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where an {@code s3://} store lives, parsed from its URI:
 * {@code s3://BUCKET/PREFIX[?endpoint=URL&region=R&pathStyle=true|false&maxAttempts=N]}.
 * Credentials never belong in the URI; they come from the default AWS chain.
 *
 * @param bucket      bucket name
 * @param prefix      key prefix without leading or trailing '/', "" for the bucket's root
 * @param endpoint    endpoint override, or null for AWS itself (then {@code AWS_ENDPOINT_URL_S3} /
 *                    {@code AWS_ENDPOINT_URL} are consulted when the client is built)
 * @param region      region, or null for the default region chain (fallback us-east-1)
 * @param pathStyle   path-style addressing, or null for "on when an endpoint is overridden"
 * @param maxAttempts attempts per request including the first, or null for the default
 */
public record S3Location(String bucket, String prefix, URI endpoint, String region, Boolean pathStyle, Integer maxAttempts) {

    public static S3Location parse(String uri) throws StoreException {
        if (!uri.startsWith("s3://")) throw new StoreUriException("not an s3:// URI: " + Stores.safe(uri));
        String rest = uri.substring("s3://".length());
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.contains("@") || bucket.contains(":")) {
            throw new StoreUriException("store URI " + Stores.safe(uri) + ": credentials and ports do not belong in an s3:// URI; "
                    + "use the AWS credentials chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles…) and ?endpoint=URL");
        }
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new StoreUriException("store URI " + Stores.safe(uri) + ": \"" + bucket + "\" is not a valid bucket name "
                    + "(3-63 characters: lower-case letters, digits, '.', '-')");
        }
        while (prefix.endsWith("/")) prefix = prefix.substring(0, prefix.length() - 1);
        if (!prefix.isEmpty()) {
            for (String segment : prefix.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    // S3-compatible servers collapse "//" and refuse ".." segments: keys would not round-trip.
                    throw new StoreUriException("store URI " + Stores.safe(uri) + ": prefix \"" + prefix + "\" has an empty, '.' or '..' segment");
                }
            }
        }
        URI endpoint = null;
        String region = null;
        Boolean pathStyle = null;
        Integer maxAttempts = null;
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (name) {
                    case "endpoint" -> endpoint = endpoint(value, uri);
                    case "region" -> region = value;
                    case "pathStyle" -> pathStyle = bool(value, uri);
                    case "maxAttempts" -> maxAttempts = attempts(value, uri);
                    default -> throw new StoreUriException("store URI " + Stores.safe(uri) + ": unknown option \"" + name
                            + "\" (known: endpoint, region, pathStyle, maxAttempts)");
                }
            }
        }
        return new S3Location(bucket, prefix, endpoint, region, pathStyle, maxAttempts);
    }

    /** The URI again, without options: what users see in messages. */
    public String display() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    /** The full object key of a layout key. */
    String objectKey(String layoutKey) {
        return prefix.isEmpty() ? layoutKey : prefix + "/" + layoutKey;
    }

    /** The layout key of a full object key under this prefix. */
    String layoutKey(String objectKey) {
        return prefix.isEmpty() ? objectKey : objectKey.substring(prefix.length() + 1);
    }

    static URI endpoint(String value, String uri) throws StoreException {
        try {
            URI e = new URI(value);
            String scheme = e.getScheme() == null ? "" : e.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || e.getHost() == null) {
                throw new StoreUriException("store URI " + Stores.safe(uri) + ": endpoint must be an http:// or https:// URL with a host");
            }
            if (e.getUserInfo() != null) {
                throw new StoreUriException("store URI " + Stores.safe(uri) + ": credentials do not belong in the endpoint URL");
            }
            return e;
        } catch (URISyntaxException e) {
            throw new StoreUriException("store URI " + Stores.safe(uri) + ": endpoint is not a URL: " + e.getMessage(), e);
        }
    }

    private static Boolean bool(String value, String uri) throws StoreException {
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false")) return false;
        throw new StoreUriException("store URI " + Stores.safe(uri) + ": pathStyle must be true or false");
    }

    private static Integer attempts(String value, String uri) throws StoreException {
        String message = "store URI " + Stores.safe(uri) + ": maxAttempts must be a number from 1 to 100";
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StoreUriException(message, e);
        }
        if (n < 1 || n > 100) throw new StoreUriException(message);
        return n;
    }
}
