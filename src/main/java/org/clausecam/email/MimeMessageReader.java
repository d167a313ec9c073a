package org.clausecam.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads an RFC 5322 / MIME message with Apache mime4j and picks what a reader of the e-mail
 * sees: the HTML body (or the text body), the images it shows inline, the attachments.
 *
 * <p>mime4j is lenient and turns almost any bytes into a "message" (an HTML page becomes a
 * message without headers), so the checks that make a file an e-mail are done here.
 */
final class MimeMessageReader {

    /** A header field name followed by a colon (RFC 5322 §2.2: printable ASCII except colon). */
    private static final Pattern FIELD_LINE = Pattern.compile("^[\\x21-\\x39\\x3b-\\x7e]+[ \\t]*:.*", Pattern.DOTALL);

    private final String source;

    MimeMessageReader(String source) {
        this.source = source;
    }

    EmailMessage read(byte[] raw) throws EmailFormatException {
        int start = checkLooksLikeMessage(raw);
        Message message;
        try {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            builder.setDecodeMonitor(DecodeMonitor.SILENT);
            message = builder.parseMessage(new ByteArrayInputStream(raw, start, raw.length - start));
        } catch (IOException | RuntimeException e) {
            throw new EmailFormatException(source, "cannot parse as a MIME message: " + e.getMessage(), e);
        }
        try {
            checkHasMessageHeaders(message);
            checkMultipartsComplete(message, raw);
            return email(message, 0);
        } catch (IOException e) {
            throw new EmailFormatException(source, "cannot decode a MIME part: " + e.getMessage(), e);
        } finally {
            message.dispose();
        }
    }

    /** The first bytes of a compound file (OLE2), the container of Outlook's .msg. */
    private static final byte[] OLE_SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /**
     * How deep forwarded messages are read: a notice forwarded, then forwarded again, is common;
     * deeper nesting is pictured as attachments only, so that a crafted message cannot nest without end.
     */
    private static final int MAX_FORWARD_DEPTH = 3;

    private EmailMessage email(Message message, int depth) throws IOException {
        Parts parts = new Parts();
        Selection body = select(message, parts);
        collectLeftovers(message, body, parts);
        List<EmailMessage> forwarded = new ArrayList<>();
        if (depth < MAX_FORWARD_DEPTH) {
            for (Message attached : parts.forwarded) {
                forwarded.add(email(attached, depth + 1));
            }
        }
        return new EmailMessage(source,
                mailboxes(message.getFrom()), addresses(message.getTo()), addresses(message.getCc()),
                message.getDate() == null ? null : Instant.ofEpochMilli(message.getDate().getTime()),
                fieldBody(message, "Date"),
                message.getSubject() == null ? "" : C1Controls.asWindows1252(message.getSubject()).strip(),
                stripAngles(fieldBody(message, "Message-ID")),
                body.html, body.text,
                parts.inline, parts.attachments, forwarded);
    }

    /** Checks that the data starts with header fields; returns where they start. */
    private int checkLooksLikeMessage(byte[] raw) throws EmailFormatException {
        int start = 0;
        if (startsWith(raw, "From ")) {
            start = lineEnd(raw, 0); // an mbox "From " separator line before the headers
        }
        while (start < raw.length && (raw[start] == '\r' || raw[start] == '\n')) {
            start++;
        }
        if (start >= raw.length) {
            throw new EmailFormatException(source, "empty file, not an e-mail");
        }
        if (raw.length >= OLE_SIGNATURE.length && Arrays.equals(raw, 0, OLE_SIGNATURE.length, OLE_SIGNATURE, 0, OLE_SIGNATURE.length)) {
            // What classic Outlook saves and drags out: a compound file, not MIME.
            throw new EmailFormatException(source, "an Outlook .msg file, not an e-mail (.eml) file; "
                    + "Outlook on the web and the new Outlook save a message as .eml (Download)");
        }
        int headerEnd = headerEnd(raw, start);
        for (int i = start; i < headerEnd; i++) {
            if (raw[i] == 0) {
                throw new EmailFormatException(source, "binary data where e-mail headers should be; not an e-mail (.eml) file");
            }
        }
        String firstLine = new String(raw, start, lineEnd(raw, start) - start, StandardCharsets.ISO_8859_1).strip();
        if (!FIELD_LINE.matcher(firstLine).matches()) {
            String shown = firstLine.length() > 40 ? firstLine.substring(0, 40) + "…" : firstLine;
            throw new EmailFormatException(source, "does not start with e-mail header fields (found \""
                    + shown.replaceAll("\\p{Cntrl}", "?") + "\"); not an e-mail (.eml) file");
        }
        return start;
    }

    private void checkHasMessageHeaders(Message message) throws EmailFormatException {
        for (String name : List.of("From", "Date", "Subject", "Message-ID", "MIME-Version", "Content-Type")) {
            if (message.getHeader().getField(name) != null) {
                return;
            }
        }
        throw new EmailFormatException(source,
                "none of the headers of an e-mail (From, Date, Subject, Message-ID, MIME-Version, Content-Type)");
    }

    /**
     * A multipart without its closing delimiter was cut off (a truncated download or copy):
     * rendering what is left would pass a partial e-mail off as evidence.
     */
    private void checkMultipartsComplete(Entity entity, byte[] raw) throws EmailFormatException {
        if (!(entity.getBody() instanceof Multipart multipart)) {
            if (entity.getBody() instanceof Message nested) {
                checkMultipartsComplete(nested, raw);
            }
            return;
        }
        ContentTypeField type = (ContentTypeField) entity.getHeader().getField("Content-Type");
        String boundary = type == null ? null : type.getBoundary();
        if (boundary == null || boundary.isEmpty()) {
            throw new EmailFormatException(source, entity.getMimeType() + " part without a boundary parameter");
        }
        if (multipart.getCount() == 0) {
            throw new EmailFormatException(source, entity.getMimeType() + " part with no parts (boundary \""
                    + boundary + "\" never appears)");
        }
        if (!contains(raw, ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1))) {
            throw new EmailFormatException(source, "truncated or malformed: the " + entity.getMimeType()
                    + " part ends without its closing boundary \"--" + boundary + "--\"");
        }
        for (Entity part : multipart.getBodyParts()) {
            checkMultipartsComplete(part, raw);
        }
    }

    /** The body a reader sees, and the parts it uses. */
    private static final class Selection {
        static final Selection NONE = new Selection(null, null, List.of());
        final String html;
        final String text;
        /** Entities consumed by this body (itself, its alternatives, its related parts). */
        final List<Entity> used;

        Selection(String html, String text, List<Entity> used) {
            this.html = html;
            this.text = text;
            this.used = used;
        }

        boolean found() { return html != null || text != null; }
    }

    private static final class Parts {
        final Map<String, InlinePart> inline = new LinkedHashMap<>();
        final List<EmailAttachment> attachments = new ArrayList<>();
        /** Messages attached whole (message/rfc822): a notice forwarded as an attachment. */
        final List<Message> forwarded = new ArrayList<>();
    }

    private Selection select(Entity entity, Parts parts) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            return switch (multipart.getSubType().toLowerCase(Locale.ROOT)) {
                case "alternative" -> selectAlternative(entity, multipart, parts);
                case "related" -> selectRelated(entity, multipart, parts);
                default -> selectFirst(entity, multipart, parts);
            };
        }
        if (body instanceof SingleBody single && !isAttachment(entity)) {
            String type = entity.getMimeType().toLowerCase(Locale.ROOT);
            if (type.equals("text/html")) {
                return new Selection(BodyText.decodeHtml(bytes(single), declaredCharset(entity)), null, List.of(entity));
            }
            if (type.equals("text/plain")) {
                // Line ends as in any text file: CRLF is how mail travels, not part of the text.
                String text = BodyText.decode(bytes(single), declaredCharset(entity)).replace("\r\n", "\n");
                ContentTypeField contentType = (ContentTypeField) entity.getHeader().getField("Content-Type");
                if (contentType != null && "flowed".equalsIgnoreCase(contentType.getParameter("format"))) {
                    text = BodyText.unflow(text, "yes".equalsIgnoreCase(contentType.getParameter("delsp")));
                }
                return new Selection(null, text, List.of(entity));
            }
        }
        return Selection.NONE;
    }

    /**
     * RFC 2046 §5.1.4: alternatives go from plainest to richest; prefer the richest HTML. Every
     * alternative is the body in another form, so all of them, and whatever each one used (the
     * HTML inside a multipart/related, say), are body, never attachments.
     */
    private Selection selectAlternative(Entity entity, Multipart multipart, Parts parts) throws IOException {
        Selection html = null;
        Selection text = null;
        Map<String, InlinePart> htmlInline = Map.of();
        List<Entity> used = new ArrayList<>(multipart.getBodyParts());
        used.add(entity);
        for (Entity part : multipart.getBodyParts()) {
            Parts scratch = new Parts();
            Selection candidate = select(part, scratch);
            used.addAll(candidate.used);
            if (candidate.html != null) {
                html = candidate;
                htmlInline = scratch.inline;
            } else if (candidate.text != null) {
                text = candidate;
            }
        }
        parts.inline.putAll(htmlInline);
        Selection chosen = html != null ? html : text;
        if (chosen == null) {
            return Selection.NONE;
        }
        return new Selection(chosen.html, html != null && text != null ? text.text : chosen.text, used);
    }

    /** RFC 2387: the root (the "start" part, else the first) plus the parts it refers to. */
    private Selection selectRelated(Entity entity, Multipart multipart, Parts parts) throws IOException {
        ContentTypeField type = (ContentTypeField) entity.getHeader().getField("Content-Type");
        String start = type == null ? null : stripAngles(type.getParameter("start"));
        List<Entity> members = multipart.getBodyParts();
        Entity root = members.get(0);
        if (start != null) {
            for (Entity member : members) {
                if (start.equals(contentId(member))) {
                    root = member;
                }
            }
        }
        Selection body = select(root, parts);
        List<Entity> used = new ArrayList<>(body.used);
        used.add(entity);
        for (Entity member : members) {
            // RFC 2557: the HTML refers to a member by cid: URL or by the URL in its Content-Location.
            String location = fieldBody(member, "Content-Location");
            location = location == null || location.isEmpty() ? null : location;
            String id = contentId(member);
            String key = id != null ? id : location;
            if (member != root && key != null && member.getBody() instanceof SingleBody single) {
                parts.inline.put(key, new InlinePart(key, member.getMimeType(), bytes(single), location));
                used.add(member);
            }
        }
        return new Selection(body.html, body.text, used);
    }

    /** multipart/mixed and others: the first part that reads as a body; the rest are attachments. */
    private Selection selectFirst(Entity entity, Multipart multipart, Parts parts) throws IOException {
        for (Entity part : multipart.getBodyParts()) {
            Selection candidate = select(part, parts);
            if (candidate.found()) {
                List<Entity> used = new ArrayList<>(candidate.used);
                used.add(entity);
                return new Selection(candidate.html, candidate.text, used);
            }
        }
        return Selection.NONE;
    }

    /**
     * Every part not used by the body: an inline image the HTML refers to, or an attachment.
     * An unnamed text part that is not marked as an attachment (a mailing list's footer after
     * the body, say) is text of the message, not a file, so it is not listed as one.
     */
    private void collectLeftovers(Entity entity, Selection body, Parts parts) throws IOException {
        Body content = entity.getBody();
        boolean used = body.used.stream().anyMatch(e -> e == entity);
        if (content instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                collectLeftovers(part, body, parts);
            }
            return;
        }
        if (used) {
            return;
        }
        String id = contentId(entity);
        if (id != null && content instanceof SingleBody single && body.html != null
                && body.html.contains("cid:" + id)) {
            parts.inline.put(id, new InlinePart(id, entity.getMimeType(), bytes(single)));
            return;
        }
        if (isUnnamedBodyText(entity)) {
            return;
        }
        parts.attachments.add(new EmailAttachment(fileName(entity), entity.getMimeType(), size(content)));
        if (content instanceof Message attached) {
            parts.forwarded.add(attached);
        }
    }

    /** The charset parameter as written; mime4j's getCharset() answers us-ascii when there is none. */
    private static String declaredCharset(Entity entity) {
        ContentTypeField type = (ContentTypeField) entity.getHeader().getField("Content-Type");
        return type == null ? null : type.getCharset();
    }

    private static boolean isAttachment(Entity entity) {
        return "attachment".equalsIgnoreCase(entity.getDispositionType());
    }

    private static boolean isUnnamedBodyText(Entity entity) {
        String type = entity.getMimeType().toLowerCase(Locale.ROOT);
        return (type.equals("text/plain") || type.equals("text/html"))
                && !isAttachment(entity) && fileName(entity).isEmpty();
    }

    private static String fileName(Entity entity) {
        String name = entity.getFilename();
        if (name == null) {
            ContentTypeField type = (ContentTypeField) entity.getHeader().getField("Content-Type");
            name = type == null ? null : type.getParameter("name");
        }
        if (name == null && entity.getBody() instanceof Message forwarded && forwarded.getSubject() != null) {
            name = forwarded.getSubject() + ".eml";
        }
        return name == null ? "" : C1Controls.asWindows1252(DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT)).strip();
    }

    private static long size(Body body) throws IOException {
        if (body instanceof SingleBody single) {
            return single.size();
        }
        CountingStream counter = new CountingStream();
        new DefaultMessageWriter().writeBody(body, counter);
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) { count++; }

        @Override
        public void write(byte[] b, int off, int len) { count += len; }
    }

    private static byte[] bytes(SingleBody body) throws IOException {
        try (var in = body.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String contentId(Entity entity) {
        return stripAngles(fieldBody(entity, "Content-ID"));
    }

    private static String fieldBody(Entity entity, String name) {
        Field field = entity.getHeader().getField(name);
        return field == null ? null : field.getBody().strip();
    }

    private static String stripAngles(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v.isEmpty() ? null : v;
    }

    private static List<EmailAddress> mailboxes(MailboxList list) {
        List<EmailAddress> out = new ArrayList<>();
        if (list != null) {
            for (Mailbox mailbox : list) {
                out.add(new EmailAddress(C1Controls.asWindows1252(mailbox.getName()), mailbox.getAddress()));
            }
        }
        return out;
    }

    private static List<EmailAddress> addresses(AddressList list) {
        return list == null ? List.of() : mailboxes(list.flatten());
    }

    private static boolean startsWith(byte[] raw, String prefix) {
        if (raw.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (raw[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(byte[] raw, int from) {
        int i = from;
        while (i < raw.length && raw[i] != '\n') {
            i++;
        }
        return Math.min(raw.length, i + 1);
    }

    /** Index of the blank line that ends the header section (or the end of the data). */
    private static int headerEnd(byte[] raw, int from) {
        int i = from;
        while (i < raw.length) {
            int end = lineEnd(raw, i);
            String line = new String(raw, i, end - i, StandardCharsets.ISO_8859_1);
            if (line.isBlank()) {
                return i;
            }
            i = end;
        }
        return raw.length;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
