package org.clausecam.report;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.clausecam.store.Sha256;

/**
 * File and folder names of the report. Service names and terms types hold spaces, dots, capitals
 * and any Unicode; in the report they become lower-case ASCII slugs, which need no escaping in a
 * link, behave the same on every file system and web server, and cannot climb out of the output
 * folder. Each slug ends with a short hash of the exact name, so that names differing only in
 * case, accents or punctuation ("Le Chat", "le-chat") never share a folder, and a name keeps its
 * folder from one run to the next.
 */
final class SiteNames {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_SLUG = 48;

    private SiteNames() {
    }

    /** {@code "Claude.ai"} → {@code "claude-ai-bb601f44"}; {@code "東京"} → {@code "5a6b7c8d"}. */
    static String slug(String name) {
        String ascii = COMBINING_MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimDashes(slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG) : slug);
        String hash = shortHash(name);
        return slug.isEmpty() ? hash : slug + "-" + hash;
    }

    /** Record ids are kept when they are plain ({@code 42}), else slugged like names. */
    static String recordId(String id) {
        return PLAIN_ID.matcher(id).matches() ? id : slug(id);
    }

    /** Folder of a terms, relative to the report root: {@code terms/<service>/<type>}. */
    static String termsFolder(String service, String termsType) {
        return "terms/" + slug(service) + "/" + slug(termsType);
    }

    static String timelinePage(int page) {
        return page == 1 ? "index.html" : "page-" + page + ".html";
    }

    static String changePage(String recordId) {
        return "change-" + recordId(recordId) + ".html";
    }

    static String recordPage(String recordId) {
        return "record-" + recordId(recordId) + ".html";
    }

    static String emailPage(String recordId) {
        return "email-" + recordId(recordId) + ".html";
    }

    /** Blob hashes become file names only when they are what they claim: 64 lower-case hex digits. */
    static boolean isSha256(String hash) {
        return Sha256.isHash(hash);
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') start++;
        while (end > start && s.charAt(end - 1) == '-') end--;
        return s.substring(start, end);
    }

    private static String shortHash(String name) {
        return Sha256.hex(name.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }
}
