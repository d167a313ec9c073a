package org.clausecam.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the store names things: 64 lower-case hex digits. The one place the project
 * computes SHA-256; the stages after the store use it too.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The hash as 64 lower-case hex digits, the store's name for the content. */
    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(digest(content));
    }

    /** Whether {@code s} is 64 lower-case hex digits. */
    public static boolean isHash(String s) {
        if (s == null || s.length() != 64) return false;
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    static String requireHash(String what, String s) throws StoreException {
        if (!isHash(s)) {
            throw new StoreException(what + " is not a SHA-256 (64 lower-case hex digits): " + quoted(s));
        }
        return s;
    }

    static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
