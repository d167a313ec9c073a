package org.clausecam.track;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A notification e-mail as evidence attached to a terms: the message as received, its picture
 * and its text. Recorded in the terms' hash chain, never compared as a version of the terms.
 *
 * @param id               names the message in the record: {@code mid:<Message-ID>}, else {@code file:<name>}
 * @param message          the raw RFC 5322 message
 * @param headers          the headers people quote (from, to, date, subject, message-id), lower-cased names
 * @param screenshotPng    the rendered e-mail
 * @param screenshotHeight its height in pixels
 * @param text             the e-mail as Markdown
 * @param date             when it was sent (its {@code Date} header), or when it was recorded
 */
public record EmailEvidence(String id, byte[] message, Map<String, List<String>> headers, byte[] screenshotPng,
                            int screenshotHeight, String text, Instant date) {

    public EmailEvidence {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
