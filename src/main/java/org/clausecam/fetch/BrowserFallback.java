package org.clausecam.fetch;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Open Terms Archive's rule for when a plain HTTP answer cannot be trusted and a browser must
 * try instead (for source documents that neither require nor forbid client scripts): the
 * answer is a bot wall or challenge, or it carries almost no text — a page assembled by
 * scripts, or an error page. What a challenge looks like is {@link ChallengeDetector}'s to say.
 * Judged on the answer alone; comparing with earlier versions is the tracker's business.
 */
public final class BrowserFallback {

    /** Below this many characters of visible text an HTML answer counts as empty. */
    public static final int MIN_TEXT_CHARS = 200;

    private BrowserFallback() {
    }

    /** Whether a browser should be tried instead of this plain HTTP answer. */
    public static boolean looksBlockedOrEmpty(FetchedDocument answer) {
        if (answer.status() == 401 || answer.status() == 403 || answer.status() == 429) {
            return true;
        }
        return ChallengeDetector.challenge(answer).isPresent() || looksEmpty(answer);
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
        return Jsoup.parse(HtmlEncoding.text(answer), answer.location().toString());
    }

    private static String visibleText(Document html) {
        Document copy = html.clone();
        copy.select("script, style, noscript, template").remove();
        return copy.body() == null ? "" : copy.body().text().strip();
    }
}
