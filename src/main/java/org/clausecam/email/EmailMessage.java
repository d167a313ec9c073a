package org.clausecam.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A notification e-mail read from an .eml (RFC 5322 / MIME) file: its headers, the body a
 * reader sees (the HTML alternative if there is one, else the text), the parts its HTML shows
 * inline through {@code cid:} URLs, and its attachments. {@link #renderableHtml()} turns it
 * into one HTML page a browser can screenshot without any network access.
 */
public final class EmailMessage {

    /** Larger files are refused: notification e-mails are far smaller, and all of it is held in memory. */
    public static final long MAX_SIZE_BYTES = 64L * 1024 * 1024;

    private final String source;
    private final List<EmailAddress> from;
    private final List<EmailAddress> to;
    private final List<EmailAddress> cc;
    private final Instant date;
    private final String dateHeader;
    private final String subject;
    private final String messageId;
    private final String html;
    private final String text;
    private final Map<String, InlinePart> inlineParts;
    private final List<EmailAttachment> attachments;
    private final List<EmailMessage> forwarded;

    EmailMessage(String source, List<EmailAddress> from, List<EmailAddress> to, List<EmailAddress> cc,
                 Instant date, String dateHeader, String subject, String messageId, String html, String text,
                 Map<String, InlinePart> inlineParts, List<EmailAttachment> attachments, List<EmailMessage> forwarded) {
        this.source = source;
        this.from = List.copyOf(from);
        this.to = List.copyOf(to);
        this.cc = List.copyOf(cc);
        this.date = date;
        this.dateHeader = dateHeader;
        this.subject = subject;
        this.messageId = messageId;
        this.html = html;
        this.text = text;
        this.inlineParts = Collections.unmodifiableMap(new LinkedHashMap<>(inlineParts));
        this.attachments = List.copyOf(attachments);
        this.forwarded = List.copyOf(forwarded);
    }

    /** Reads an .eml file; the error names the file when it is not a readable e-mail. */
    public static EmailMessage parse(Path file) throws EmailFormatException, IOException {
        return parse(readFile(file), file.toString());
    }

    /**
     * The bytes of an .eml file, read once, so that the message parsed and the message kept as
     * evidence are the same bytes; the error names the file when it is no readable e-mail file.
     */
    public static byte[] readFile(Path file) throws EmailFormatException, IOException {
        // A directory (a mail client's folder, say) has a size too, so it is named before reading.
        if (Files.isDirectory(file)) {
            throw new EmailFormatException(file.toString(), "is a directory, not an e-mail (.eml) file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new EmailFormatException(file.toString(), "no such file", e);
        }
        if (size > MAX_SIZE_BYTES) {
            throw new EmailFormatException(file.toString(), "file of " + size + " bytes is larger than the "
                    + MAX_SIZE_BYTES + " bytes accepted for an e-mail");
        }
        try {
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new EmailFormatException(file.toString(), "cannot be read (permission denied)", e);
        }
    }

    /**
     * Reads a message from its bytes.
     *
     * @param sourceName what to call the input in errors, e.g. a file name
     */
    public static EmailMessage parse(byte[] raw, String sourceName) throws EmailFormatException {
        return new MimeMessageReader(sourceName).read(raw);
    }

    /**
     * Reads a message from a stream (not closed here).
     *
     * @param sourceName what to call the input in errors, e.g. a file name or URL
     */
    public static EmailMessage parse(InputStream in, String sourceName) throws EmailFormatException, IOException {
        byte[] raw = in.readNBytes((int) MAX_SIZE_BYTES + 1);
        if (raw.length > MAX_SIZE_BYTES) {
            throw new EmailFormatException(sourceName, "larger than the " + MAX_SIZE_BYTES
                    + " bytes accepted for an e-mail");
        }
        return parse(raw, sourceName);
    }

    /** Where the message was read from (a file path or the name given to {@link #parse(InputStream, String)}). */
    public String source() { return source; }

    public List<EmailAddress> from() { return from; }

    public List<EmailAddress> to() { return to; }

    public List<EmailAddress> cc() { return cc; }

    /** The Date header as an instant; empty when absent or unreadable. */
    public Optional<Instant> date() { return Optional.ofNullable(date); }

    /** The Date header as written by the sender (with its time zone), e.g. for display. */
    public Optional<String> dateHeader() { return Optional.ofNullable(dateHeader); }

    /** The subject, RFC 2047 encoded words decoded; empty if there is none. */
    public String subject() { return subject; }

    /** The Message-ID without angle brackets. */
    public Optional<String> messageId() { return Optional.ofNullable(messageId); }

    /** The HTML body as sent (charset and transfer encoding decoded, {@code cid:} URLs untouched). */
    public Optional<String> html() { return Optional.ofNullable(html); }

    /** The plain-text body: the text alternative of an HTML mail, or the only body of a text mail. */
    public Optional<String> text() { return Optional.ofNullable(text); }

    /**
     * The body as HTML, for extracting its text (e.g. to Markdown): the HTML body as sent, or
     * for a text-only mail its text, escaped, in a {@code <pre>} block. No header block.
     */
    public String bodyHtml() {
        if (html != null) {
            return html;
        }
        return EmailHtml.preformatted(text == null ? "" : text);
    }

    /**
     * Parts the HTML refers to as {@code cid:<content id>}, by content id (without angle brackets),
     * and members of a multipart/related it refers to by their Content-Location (RFC 2557): those
     * without a Content-ID are named by that location.
     */
    public Map<String, InlinePart> inlineParts() { return inlineParts; }

    /**
     * The files the message carries: parts marked {@code Content-Disposition: attachment}, named
     * parts, forwarded messages, and other parts that are neither the body (nor one of its
     * alternatives) nor shown inline. Unnamed text after the body (a list's footer) is not a file.
     */
    public List<EmailAttachment> attachments() { return attachments; }

    /**
     * The messages attached whole (message/rfc822), in order: a notice forwarded as an
     * attachment is one. They are also among {@link #attachments()}; the picture and the text
     * show them below the message, each with its own headers.
     */
    public List<EmailMessage> forwarded() { return forwarded; }

    /**
     * One self-contained HTML page to screenshot: a plain header block (From, To, Cc, Date,
     * Subject, attachments; all escaped) above the body, {@code cid:} URLs replaced by
     * {@code data:} URLs, and a Content-Security-Policy that lets nothing load from a network.
     */
    public String renderableHtml() {
        return EmailHtml.render(this, part -> part.dataUrl());
    }

    /**
     * Like {@link #renderableHtml()}, but {@code cid:} URLs point to {@link #routedUrl(String)},
     * which keeps the page small; the browser then answers those requests from
     * {@link #inlineParts()} (e.g. with Playwright's {@code context.route}).
     */
    public String renderableHtmlWithRoutedParts() {
        return EmailHtml.render(this, part -> routedUrl(part.contentId()));
    }

    /** Origin of the URLs of {@link #renderableHtmlWithRoutedParts()}; {@code .invalid} never resolves. */
    public static final String ROUTED_ORIGIN = "http://cid.invalid";

    /** The URL standing for an inline part in {@link #renderableHtmlWithRoutedParts()}. */
    public static String routedUrl(String contentId) {
        return ROUTED_ORIGIN + "/" + java.net.URLEncoder.encode(contentId, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The inline part a {@link #routedUrl(String)} stands for, if any. */
    public Optional<InlinePart> inlinePartAt(String url) {
        String prefix = ROUTED_ORIGIN + "/";
        if (!url.startsWith(prefix)) {
            return Optional.empty();
        }
        String id = java.net.URLDecoder.decode(url.substring(prefix.length()), java.nio.charset.StandardCharsets.UTF_8);
        if (inlineParts.containsKey(id)) {
            return Optional.of(inlineParts.get(id));
        }
        return forwarded.stream().map(message -> message.inlinePartAt(url)).flatMap(Optional::stream).findFirst();
    }

    /** Headers, attachments and inline part ids, ready to write as JSON next to the screenshot. */
    public EmailHeaders headers() {
        return EmailHeaders.of(this);
    }

    @Override
    public String toString() {
        return "EmailMessage[" + source + ", subject=" + subject + ", from=" + from + "]";
    }
}
