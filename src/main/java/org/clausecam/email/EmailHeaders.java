package org.clausecam.email;

import java.util.List;

/**
 * What identifies an e-mail kept as evidence, in a form that serialises to JSON as is (e.g.
 * with Jackson, which reads records): the date as ISO-8601 text, no bodies or bytes.
 *
 * @param source       the file the e-mail was read from
 * @param from         senders
 * @param to           recipients
 * @param cc           copied recipients
 * @param date         the Date header as an ISO-8601 instant in UTC, or null if absent or unreadable
 * @param dateHeader   the Date header as written by the sender, or null
 * @param subject      the decoded subject, empty if none
 * @param messageId    the Message-ID without angle brackets, or null
 * @param body         {@code "html"}, {@code "text"} or {@code "none"}: what the renderable page shows
 * @param attachments  attached files
 * @param inlineParts  content ids of the parts the HTML shows inline (the Content-Location of one that has no id)
 */
public record EmailHeaders(String source, List<EmailAddress> from, List<EmailAddress> to, List<EmailAddress> cc,
                           String date, String dateHeader, String subject, String messageId, String body,
                           List<EmailAttachment> attachments, List<String> inlineParts) {

    public EmailHeaders {
        from = List.copyOf(from);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        inlineParts = List.copyOf(inlineParts);
    }

    static EmailHeaders of(EmailMessage message) {
        String body = message.html().isPresent() ? "html" : message.text().isPresent() ? "text" : "none";
        return new EmailHeaders(message.source(), message.from(), message.to(), message.cc(),
                message.date().map(Object::toString).orElse(null), message.dateHeader().orElse(null),
                message.subject(), message.messageId().orElse(null), body, message.attachments(),
                List.copyOf(message.inlineParts().keySet()));
    }
}
