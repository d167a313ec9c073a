package org.clausecam.store;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Service names and terms types become path segments of the layout (directories on disk, parts
 * of S3 keys). Anything that could escape the layout, collapse into another key or be hidden is
 * refused here, before any byte is written.
 */
public final class StoreNames {

    /** Below common file-name limits (255 bytes) and S3Proxy's filesystem backend limit. */
    static final int MAX_BYTES = 200;

    private StoreNames() {
    }

    static String requireSegment(String what, String name) throws StoreException {
        String problem = problem(name);
        if (problem != null) {
            throw new StoreException(what + " " + Sha256.quoted(printable(name))
                    + " cannot be used as a store path segment: it " + problem);
        }
        return name;
    }

    static void requireTerms(TermsKey terms) throws StoreException {
        if (terms == null) throw new StoreException("terms key is missing");
        requireSegment("service name", terms.service());
        requireSegment("terms type", terms.termsType());
    }

    /**
     * Why a service name or terms type cannot be a segment of the layout ("starts with '.'"), or
     * empty when it can: the one rule that declarations are validated with and the store enforces.
     */
    public static Optional<String> whyUnusable(String name) {
        return Optional.ofNullable(problem(name));
    }

    private static String problem(String name) {
        if (name == null || name.isEmpty()) return "is empty";
        if (name.contains("..")) return "contains '..'";
        if (name.startsWith(".")) return "starts with '.'";
        if (name.indexOf('/') >= 0) return "contains '/'";
        if (name.indexOf('\\') >= 0) return "contains '\\'";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) return "contains a control character";
        }
        if (!name.equals(name.strip())) return "starts or ends with white space";
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) return "is longer than " + MAX_BYTES + " bytes";
        return null;
    }

    /** Control characters are shown escaped so that an error message cannot forge terminal output. */
    private static String printable(String name) {
        if (name == null) return null;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}
