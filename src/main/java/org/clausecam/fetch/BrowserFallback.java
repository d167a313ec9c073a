package org.clausecam.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Open Terms Archive's rule for when a plain HTTP answer cannot be trusted and a browser must
 * try instead (for source documents that neither require nor forbid client scripts): the
 * answer is a bot wall or challenge, or it carries almost no text — a page assembled by
 * scripts, or an error page. Judged on the answer alone; comparing with earlier versions is
 * the tracker's business.
 */
public final class BrowserFallback {

    /** Below this many characters of visible text an HTML answer counts as empty. */
    public static final int MIN_TEXT_CHARS = 200;

    /** Page titles that challenge pages use (Cloudflare, Imperva, Akamai, DataDome…). */
    private static final List<String> CHALLENGE_TITLES = List.of(
            "just a moment", "attention required! | cloudflare", "please wait...", "pardon our interruption",
            "access denied", "security check", "are you a robot", "verifying you are human", "ddos-guard");

    /** Traces challenge pages leave in their markup (script URLs, ids, fixed sentences). */
    private static final List<String> CHALLENGE_MARKERS = List.of(
            "enable javascript and cookies to continue", "challenge-platform", "cf-chl-", "cf_chl_",
            "cf-browser-verification", "checking your browser before accessing", "checking if the site connection is secure",
            "verify you are human", "_incapsula_resource", "incapsula incident", "px-captcha", "perimeterx",
            "captcha-delivery.com", "geo.captcha-delivery", "distil_r_captcha", "awswaf", "ddos-guard",
            "request unsuccessful", "errors.edgesuite.net");

    /** Challenge pages carry this little text at most; longer pages are documents that may merely mention a marker. */
    private static final int MAX_CHALLENGE_TEXT_CHARS = 1000;

    private BrowserFallback() {
    }

    /** Whether a browser should be tried instead of this plain HTTP answer. */
    public static boolean looksBlockedOrEmpty(FetchedDocument answer) {
        if (answer.status() == 401 || answer.status() == 403 || answer.status() == 429) {
            return true;
        }
        return looksLikeChallenge(answer) || looksEmpty(answer);
    }

    /** A bot wall or challenge page, whatever its status. */
    public static boolean looksLikeChallenge(FetchedDocument answer) {
        if (!isHtml(answer)) {
            return false;
        }
        Document html = parse(answer);
        String title = html.title().strip().toLowerCase(Locale.ROOT);
        for (String t : CHALLENGE_TITLES) {
            if (title.startsWith(t)) {
                return true;
            }
        }
        if (visibleText(html).length() > MAX_CHALLENGE_TEXT_CHARS) {
            return false;
        }
        String markup = html.outerHtml().toLowerCase(Locale.ROOT);
        for (String marker : CHALLENGE_MARKERS) {
            if (markup.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** No content, or an HTML page with almost no visible text (scripts would have to build it). */
    public static boolean looksEmpty(FetchedDocument answer) {
        if (answer.content() == null || answer.content().length == 0) {
            return true;
        }
        if (!isHtml(answer)) {
            return false;
        }
        return visibleText(parse(answer)).length() < MIN_TEXT_CHARS;
    }

    private static boolean isHtml(FetchedDocument answer) {
        String mime = answer.mimeType();
        return mime != null && (mime.equals("text/html") || mime.equals("application/xhtml+xml"));
    }

    private static Document parse(FetchedDocument answer) {
        byte[] content = answer.content() == null ? new byte[0] : answer.content();
        return Jsoup.parse(new String(content, charset(answer)), answer.location().toString());
    }

    private static String visibleText(Document html) {
        Document copy = html.clone();
        copy.select("script, style, noscript, template").remove();
        return copy.body() == null ? "" : copy.body().text().strip();
    }

    private static Charset charset(FetchedDocument answer) {
        String contentType = HttpFetcher.first(answer.headers(), "content-type");
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
