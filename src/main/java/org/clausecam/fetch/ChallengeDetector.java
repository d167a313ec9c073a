package org.clausecam.fetch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an answer that is a bot wall or challenge instead of the document asked for, so that
 * it is reported as {@link FetchException.Kind#BLOCKED} and never recorded as a new version.
 * <p>
 * The one judge of challenges: {@link BrowserFallback} asks it too. Distinctive page titles and
 * challenge-script names are trusted at any size and status. Phrases that a real
 * policy could quote ("Access Denied", "Press &amp; Hold", a captcha vendor's domain in a list of
 * processors) count only on a small page or on a 403, 429 or 503, which is how challenges arrive.
 */
public final class ChallengeDetector {

    /** Bodies larger than this are not challenge pages for the weaker markers. */
    static final int SMALL_PAGE_BYTES = 64 * 1024;
    /** Only the head of a body is read: challenge pages are small, and a 50 MB body must not cost 50 MB. */
    private static final int SCANNED_BYTES = 256 * 1024;

    /** A page title that starts with {@code titleStart}, or a body holding every one of {@code allOf}. */
    private record Marker(String vendor, String titleStart, List<String> allOf) {
        static Marker title(String vendor, String titleStart) {
            return new Marker(vendor, titleStart, List.of());
        }

        static Marker text(String vendor, String... allOf) {
            return new Marker(vendor, null, List.of(allOf));
        }

        boolean foundIn(String lowerCaseTitle, String lowerCaseBody) {
            return titleStart != null
                    ? lowerCaseTitle != null && lowerCaseTitle.startsWith(titleStart)
                    : allOf.stream().allMatch(lowerCaseBody::contains);
        }
    }

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]*)</title");

    private static final List<Marker> ANYWHERE = List.of(
            Marker.title("Cloudflare challenge (\"Just a moment...\")", "just a moment"),
            Marker.title("Cloudflare block (\"Attention Required!\")", "attention required! | cloudflare"),
            Marker.text("Cloudflare challenge (cf-chl)", "cf-chl"),
            Marker.text("Cloudflare challenge (cf-chl)", "cf_chl_"),
            Marker.text("Cloudflare challenge (cf-browser-verification)", "cf-browser-verification"),
            // Not "challenge-platform" alone: Cloudflare adds its challenge-platform/scripts/jsd
            // script to ordinary pages (29 of the corpus pages carry it).
            Marker.text("Cloudflare challenge (challenge-platform orchestrate)", "/cdn-cgi/challenge-platform/", "/orchestrate/"),
            Marker.title("Imperva/Distil challenge (\"Pardon Our Interruption\")", "pardon our interruption"),
            Marker.title("DDoS-Guard challenge", "ddos-guard"),
            Marker.title("bot wall (\"Verifying you are human\")", "verifying you are human"));

    /** Vendor traces that protected sites also put on their real pages, and phrases a policy could quote. */
    private static final List<Marker> ON_SMALL_OR_REFUSED = List.of(
            Marker.text("Cloudflare challenge (\"Enable JavaScript and cookies to continue\")",
                    "enable javascript and cookies to continue"),
            Marker.text("Cloudflare block (\"Attention Required!\")", "attention required!", "cloudflare"),
            Marker.text("DataDome challenge", "captcha-delivery.com"),
            Marker.text("PerimeterX challenge (\"Press & Hold\")", "press &amp; hold"),
            Marker.text("PerimeterX challenge (\"Press & Hold\")", "press & hold"),
            Marker.text("PerimeterX challenge", "px-captcha"),
            Marker.text("PerimeterX challenge", "perimeterx"),
            Marker.text("Akamai block (\"Access Denied\", reference #)", "access denied", "reference #"),
            Marker.text("Akamai block (\"Access Denied\", reference #)", "access denied", "reference&#32;&#35;"),
            Marker.text("Akamai block (errors.edgesuite.net)", "errors.edgesuite.net"),
            Marker.text("Imperva Incapsula challenge", "_incapsula_resource"),
            Marker.text("Imperva Incapsula block (incident ID)", "incapsula incident"),
            Marker.text("Imperva Incapsula block (\"Request unsuccessful\")", "request unsuccessful", "incapsula"),
            Marker.text("Distil challenge", "distil_r_captcha"),
            Marker.text("AWS WAF challenge", "awswaf"),
            Marker.text("DDoS-Guard challenge", "ddos-guard"),
            Marker.title("bot wall (title \"Access Denied\")", "access denied"),
            Marker.title("bot wall (title \"Please wait...\")", "please wait..."),
            Marker.title("bot wall (title \"Security check\")", "security check"),
            Marker.title("bot wall (title \"Are you a robot\")", "are you a robot"));

    private static final List<String> GENERIC_ON_REFUSED = List.of(
            "captcha", "verify you are human", "verify you are a human", "are you a robot", "checking your browser",
            "checking if the site connection is secure", "request unsuccessful", "unusual traffic", "bot detection",
            "access denied");

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
        Matcher titleTag = TITLE.matcher(text);
        String title = titleTag.find() ? titleTag.group(1).strip() : null;
        Optional<String> found = first(ANYWHERE, title, text);
        if (found.isPresent()) {
            return found;
        }
        if (!refused && body.length > SMALL_PAGE_BYTES) {
            return Optional.empty();
        }
        found = first(ON_SMALL_OR_REFUSED, title, text);
        if (found.isPresent()) {
            return found;
        }
        if (refused && body.length <= SMALL_PAGE_BYTES) {
            return GENERIC_ON_REFUSED.stream().filter(text::contains).findFirst()
                    .map(marker -> "bot wall (HTTP " + status + " page mentioning \"" + marker + "\")");
        }
        return Optional.empty();
    }

    /** {@link #challenge(int, Map, byte[])} of a fetched or rendered document; a PDF is never a challenge. */
    public static Optional<String> challenge(FetchedDocument document) {
        if (document.isPdf()) {
            return Optional.empty();
        }
        byte[] body = document.content() == null ? new byte[0] : document.content();
        return challenge(document.status(), document.headers(), body);
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

    private static Optional<String> first(List<Marker> markers, String lowerCaseTitle, String lowerCaseBody) {
        return markers.stream().filter(marker -> marker.foundIn(lowerCaseTitle, lowerCaseBody))
                .map(Marker::vendor).findFirst();
    }
}
