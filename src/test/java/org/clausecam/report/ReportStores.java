package org.clausecam.report;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.FileStore;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.TermsKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores to report on, filled the way the tracker and {@code capture-email} fill them: blobs
 * first, then a record whose {@code previous} is the latest record and whose {@code changed}
 * compares its version with the latest one's.
 */
final class ReportStores {

    /** Turns a page's HTML into its full-page screenshot (PNG bytes). */
    interface Screenshotter {
        byte[] shoot(String html);
    }

    static final TermsKey CLAUDE_PRIVACY = new TermsKey("Claude.ai", "Privacy Policy");
    static final TermsKey CLAUDE_TERMS = new TermsKey("Claude.ai", "Terms of Service");
    static final TermsKey LE_CHAT_TERMS = new TermsKey("Le Chat", "Terms of Service");
    static final TermsKey UNICODE_PRIVACY = new TermsKey("Ünïcode Sérvice Ωμέγα v2.0", "Privacy Policy");

    static final String PRIVACY_V1 = """
            Privacy Policy
            ==============

            Effective 1 May 2026

            This Privacy Policy explains how we collect, use and share personal data when you use Claude.ai.

            What we collect
            ---------------

            *   **Account data**: your name, e-mail address and payment details.
            *   **Inputs and outputs**: the prompts you send and the answers you receive.
            *   **Technical data**: device, browser and log information.

            How we use it
            -------------

            We use personal data to provide and secure the service, to answer your requests and to meet our legal obligations.

            We do not sell personal data.

            How long we keep it
            -------------------

            We keep your conversations for 30 days after you delete them, unless the law requires us to keep them longer.

            Your rights
            -----------

            You can ask for a copy of your data, correct it or delete it by writing to privacy@example.com.
            """;

    static final String PRIVACY_V2 = """
            Privacy Policy
            ==============

            Effective 25 September 2026

            This Privacy Policy explains how we collect, use and share personal data when you use Claude.ai.

            What we collect
            ---------------

            *   **Account data**: your name, e-mail address and payment details.
            *   **Inputs and outputs**: the prompts you send and the answers you receive.
            *   **Feedback**: ratings and comments you give on answers.
            *   **Technical data**: device, browser, approximate location and log information.

            How we use it
            -------------

            We use personal data to provide and secure the service, to answer your requests and to meet our legal obligations.

            We do not sell personal data.

            How long we keep it
            -------------------

            When you allow us to use your chats to improve our models, we keep them for up to 5 years. Otherwise we keep your conversations for 30 days after you delete them.

            Your rights
            -----------

            You can ask for a copy of your data, correct it or delete it by writing to privacy@example.com.
            """;

    static final String EMAIL_TEXT = """
            From: Claude Team <no-reply@example.com>
            To: reader@example.org
            Date: Thu, 28 Aug 2026 16:02:11 +0000
            Subject: Updates to our Consumer Terms and Privacy Policy

            Hello,

            We're updating our Consumer Terms and Privacy Policy. The changes take effect on September 25, 2026.

            You can now choose whether your chats are used to improve Claude. If you allow it, we will keep that data for up to 5 years.

            Review your choice in Settings › Privacy.
            """;

    static final String EMAIL_HTML = """
            <html><body style="margin:0;font-family:sans-serif;background:#f4f1ea">
            <table style="width:100%;background:#fff;border-bottom:1px solid #ccc;font-size:13px;color:#333">
            <tr><td style="padding:8px 16px"><b>From:</b> Claude Team &lt;no-reply@example.com&gt;<br><b>To:</b> reader@example.org<br>
            <b>Date:</b> Thu, 28 Aug 2026 16:02:11 +0000<br><b>Subject:</b> Updates to our Consumer Terms and Privacy Policy</td></tr></table>
            <div style="max-width:520px;margin:24px auto;background:#fff;padding:24px 32px;border-radius:8px">
            <h1 style="font-size:22px;color:#c15f3c">Updates to our terms</h1>
            <p>Hello,</p><p>We're updating our Consumer Terms and Privacy Policy. The changes take effect on <b>September 25, 2026</b>.</p>
            <p>You can now choose whether your chats are used to improve Claude. If you allow it, we will keep that data for up to 5 years.</p>
            <p><a style="display:inline-block;background:#c15f3c;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">Review your choice</a></p>
            </div></body></html>
            """;

    static final String TERMS_V1 = """
            Terms of Service
            ================

            By using the service you agree to these terms.

            You must be at least 18 years old.
            """;

    static final String LE_CHAT_V1 = """
            Conditions générales d'utilisation
            ==================================

            Le service est fourni « en l'état ».

            - - -

            Conditions relatives à l'IA
            ===========================

            Les réponses peuvent contenir des erreurs.
            """;

    static final String LE_CHAT_V2 = LE_CHAT_V1.replace("peuvent contenir des erreurs.",
            "peuvent contenir des erreurs. Vérifiez les informations importantes.");

    /** Text meant to break a report that forgot to escape it. */
    static final String HOSTILE_V1 = """
            Privacy & "cookies"
            ===================

            We use <script>alert('x')</script> nothing.
            """;

    static final String HOSTILE_V2 = """
            Privacy & "cookies"
            ===================

            We use <b>tags</b> & <img src=x onerror=alert(1)> nothing.
            """;

    private ReportStores() {
    }

    static FileStore open(Path dir) {
        return new FileStore(dir);
    }

    /**
     * Four terms of three services: Claude.ai's Privacy Policy with a first record, an unchanged
     * capture, an announcement e-mail and a change; its Terms of Service with one record; Le Chat's
     * combined Terms of Service whose second document changed; and a service whose name has
     * accents, CJK and dots and whose text is hostile HTML, changed once without screenshots.
     */
    static void fill(Store store, Screenshotter screenshots) throws StoreException {
        append(store, CLAUDE_PRIVACY, "2026-08-01T06:00:00Z", CaptureRecord.KIND_CAPTURE, PRIVACY_V1,
                shot(store, screenshots, page(PRIVACY_V1), "https://www.anthropic.com/legal/privacy", null));
        append(store, CLAUDE_PRIVACY, "2026-08-15T06:00:00Z", CaptureRecord.KIND_CAPTURE, PRIVACY_V1,
                shot(store, screenshots, page(PRIVACY_V1), "https://www.anthropic.com/legal/privacy", null));
        append(store, CLAUDE_PRIVACY, "2026-08-28T16:02:11Z", CaptureRecord.KIND_EMAIL, EMAIL_TEXT,
                shot(store, screenshots, EMAIL_HTML, "file:updates.eml", null));
        append(store, CLAUDE_PRIVACY, "2026-09-25T06:00:00Z", CaptureRecord.KIND_CAPTURE, PRIVACY_V2,
                shot(store, screenshots, page(PRIVACY_V2), "https://www.anthropic.com/legal/privacy", null));

        append(store, CLAUDE_TERMS, "2026-08-01T06:00:00Z", CaptureRecord.KIND_CAPTURE, TERMS_V1,
                shot(store, screenshots, page(TERMS_V1), "https://www.anthropic.com/legal/consumer-terms", null));

        String[] leChat1 = LE_CHAT_V1.split("\n\n- - -\n\n");
        String[] leChat2 = LE_CHAT_V2.split("\n\n- - -\n\n");
        append(store, LE_CHAT_TERMS, "2026-07-01T06:00:00Z", CaptureRecord.KIND_CAPTURE, LE_CHAT_V1,
                shot(store, screenshots, page(leChat1[0]), "https://mistral.ai/terms", "terms"),
                shot(store, screenshots, page(leChat1[1]), "https://mistral.ai/terms-ai", "terms-ai"));
        append(store, LE_CHAT_TERMS, "2026-10-02T06:00:00Z", CaptureRecord.KIND_CAPTURE, LE_CHAT_V2,
                shot(store, screenshots, page(leChat2[0]), "https://mistral.ai/terms", "terms"),
                shot(store, screenshots, page(leChat2[1]), "https://mistral.ai/terms-ai", "terms-ai"));

        append(store, UNICODE_PRIVACY, "2026-06-01T06:00:00Z", CaptureRecord.KIND_CAPTURE, HOSTILE_V1,
                document(store, "javascript:alert(1)", null, null));
        append(store, UNICODE_PRIVACY, "2026-06-02T06:00:00Z", CaptureRecord.KIND_CAPTURE, HOSTILE_V2,
                document(store, "https://example.com/privacy?a=1&b=2", null, null));
    }

    /** {@code n} records of one terms whose text changes every other time. */
    static void fillLongHistory(Store store, TermsKey terms, int n) throws StoreException {
        for (int i = 0; i < n; i++) {
            append(store, terms, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * i).toString(),
                    CaptureRecord.KIND_CAPTURE, "Terms, revision " + (i / 2) + "\n",
                    document(store, "https://example.com/terms", null, null));
        }
    }

    static StoredRecord append(Store store, TermsKey terms, String date, String kind, String version,
                               DocumentCapture... documents) throws StoreException {
        String versionHash = store.putBlob(version.getBytes(StandardCharsets.UTF_8));
        Optional<StoredRecord> latest = store.latest(terms);
        boolean changed = latest.map(l -> !l.record().version().equals(versionHash)).orElse(true);
        return store.append(new CaptureRecord(terms.service(), terms.termsType(), Instant.parse(date), kind,
                List.of(documents), versionHash, changed, latest.map(StoredRecord::sha256).orElse(null), null, "test"));
    }

    static DocumentCapture shot(Store store, Screenshotter screenshots, String html, String location, String documentId)
            throws StoreException {
        return document(store, location, documentId, store.putBlob(screenshots.shoot(html)));
    }

    static DocumentCapture document(Store store, String location, String documentId, String screenshot) throws StoreException {
        String snapshot = store.putBlob(("<html>snapshot of " + location + "</html>").getBytes(StandardCharsets.UTF_8));
        return new DocumentCapture(documentId, location, location, "browser", 200, "HTTP/1.1 200 OK",
                Map.of("content-type", List.of("text/html; charset=utf-8")), "text/html", snapshot, screenshot,
                screenshot == null ? null : 1000);
    }

    /** A plain web page for a Markdown version: enough structure to look like the policy it stands for. */
    static String page(String markdown) {
        StringBuilder body = new StringBuilder();
        List<String> list = new ArrayList<>();
        for (String block : markdown.strip().split("\n\n")) {
            String[] lines = block.split("\n");
            if (lines.length == 2 && lines[1].matches("=+")) {
                body.append("<h1>").append(Html.escape(lines[0])).append("</h1>");
            } else if (lines.length == 2 && lines[1].matches("-+")) {
                body.append("<h2>").append(Html.escape(lines[0])).append("</h2>");
            } else if (lines[0].startsWith("*   ")) {
                for (String line : lines) list.add("<li>" + Html.escape(line.substring(4)).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>") + "</li>");
                body.append("<ul>").append(String.join("", list)).append("</ul>");
                list.clear();
            } else {
                body.append("<p>").append(Html.escape(block)).append("</p>");
            }
        }
        return "<!DOCTYPE html><html><head><meta charset=utf-8><style>"
                + "body{margin:0;font:16px/1.5 'DejaVu Sans',sans-serif;color:#222}"
                + "nav{background:#191919;color:#fff;padding:14px 40px;font-weight:bold}"
                + "main{max-width:640px;padding:24px 40px}h1{font-size:30px}h2{font-size:20px;margin-top:28px}"
                + "</style></head><body><nav>Example, Inc.</nav><main>" + body + "</main></body></html>";
    }
}
