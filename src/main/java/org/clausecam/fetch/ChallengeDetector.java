package org.clausecam.fetch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises an answer that is a bot wall or challenge instead of the document asked for, so that
 * it is reported as {@link FetchException.Kind#BLOCKED} and never recorded as a new version.
 * <p>
 * Page titles and challenge-script names are trusted at any size and status. Phrases that a real
 * policy could quote ("Access Denied", "Press &amp; Hold", a captcha vendor's domain in a list of
 * processors) count only on a small page or on a 403, 429 or 503, which is how challenges arrive.
 */
public final class ChallengeDetector {

    /** Bodies larger than this are not challenge pages for the weaker markers. */
    static final int SMALL_PAGE_BYTES = 64 * 1024;
    /** Only the head of a body is read: challenge pages are small, and a 50 MB body must not cost 50 MB. */
    private static final int SCANNED_BYTES = 256 * 1024;

    private record Marker(String vendor, List<String> allOf) {
        boolean foundIn(String lowerCaseBody) {
            return allOf.stream().allMatch(lowerCaseBody::contains);
        }
    }

    private static final List<Marker> ANYWHERE = List.of(
            new Marker("Cloudflare challenge (\"Just a moment...\")", List.of("<title>just a moment...</title>")),
            new Marker("Cloudflare challenge (\"Just a moment...\")", List.of("<title>just a moment\u2026</title>")),
            new Marker("Cloudflare challenge (cf-chl)", List.of("cf-chl")),
            new Marker("Cloudflare challenge (cf-chl)", List.of("_cf_chl_opt")),
            new Marker("Cloudflare block (\"Attention Required!\")", List.of("<title>attention required! | cloudflare</title>")));

    private static final List<Marker> ON_SMALL_OR_REFUSED = List.of(
            new Marker("Cloudflare challenge (\"Enable JavaScript and cookies to continue\")",
                    List.of("enable javascript and cookies to continue")),
            new Marker("Cloudflare block (\"Attention Required!\")", List.of("attention required!", "cloudflare")),
            new Marker("DataDome challenge", List.of("captcha-delivery.com")),
            new Marker("PerimeterX challenge (\"Press & Hold\")", List.of("press &amp; hold")),
            new Marker("PerimeterX challenge (\"Press & Hold\")", List.of("press & hold")),
            new Marker("PerimeterX challenge", List.of("px-captcha")),
            new Marker("Akamai block (\"Access Denied\", reference #)", List.of("access denied", "reference #")),
            new Marker("Akamai block (\"Access Denied\", reference #)", List.of("access denied", "reference&#32;&#35;")));

    private static final List<String> GENERIC_ON_REFUSED = List.of(
            "captcha", "verify you are human", "verify you are a human", "are you a robot", "checking your browser",
            "unusual traffic", "bot detection", "access denied");

    private ChallengeDetector() {
    }

    /**
     * @param status  HTTP status of the main document
     * @param headers response headers, names lower-cased
     * @param body    the body as received or rendered
     * @return what kind of challenge this is, or empty when it looks like a real document
     */
    public static Optional<String> challenge(int status, Map<String, List<String>> headers, byte[] body) {
        for (String value : headers.getOrDefault("cf-mitigated", List.of())) {
            if (value.toLowerCase(Locale.ROOT).contains("challenge")) {
                return Optional.of("Cloudflare challenge (cf-mitigated: challenge)");
            }
        }
        boolean refused = status == 403 || status == 429 || status == 503;
        if (refused && headers.keySet().stream().anyMatch(name -> name.startsWith("x-datadome"))) {
            return Optional.of("DataDome block (HTTP " + status + ", x-datadome header)");
        }
        String text = new String(body, 0, Math.min(body.length, SCANNED_BYTES), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        Optional<String> found = first(ANYWHERE, text);
        if (found.isPresent()) {
            return found;
        }
        if (!refused && body.length > SMALL_PAGE_BYTES) {
            return Optional.empty();
        }
        found = first(ON_SMALL_OR_REFUSED, text);
        if (found.isPresent()) {
            return found;
        }
        if (refused && body.length <= SMALL_PAGE_BYTES) {
            return GENERIC_ON_REFUSED.stream().filter(text::contains).findFirst()
                    .map(marker -> "bot wall (HTTP " + status + " page mentioning \"" + marker + "\")");
        }
        return Optional.empty();
    }

    public static Optional<String> challenge(FetchedDocument document) {
        if (document.isPdf()) {
            return Optional.empty();
        }
        return challenge(document.status(), document.headers(), document.content());
    }

    /**
     * @return {@code document} unchanged when it is not a challenge
     * @throws FetchException of kind BLOCKED naming the challenge
     */
    public static FetchedDocument requireNoChallenge(FetchedDocument document) throws FetchException {
        Optional<String> challenge = challenge(document);
        if (challenge.isPresent()) {
            throw new FetchException(document.requested(), FetchException.Kind.BLOCKED,
                    "blocked by a bot wall: " + challenge.get() + ", HTTP " + document.status());
        }
        return document;
    }

    private static Optional<String> first(List<Marker> markers, String lowerCaseBody) {
        return markers.stream().filter(marker -> marker.foundIn(lowerCaseBody)).map(Marker::vendor).findFirst();
    }
}
