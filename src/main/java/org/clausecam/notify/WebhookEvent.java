package org.clausecam.notify;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The JSON body POSTed for a terms that changed, was recorded for the first time, or failed.
 *
 * @param event        {@code terms-changed}, {@code terms-first-record}, {@code terms-technical-change} or {@code terms-failed}
 * @param service      service id
 * @param termsType    terms type
 * @param recordId     the record written (not for failures)
 * @param record       SHA-256 of the record's stored bytes
 * @param previous     SHA-256 of the record before it
 * @param version      SHA-256 of the Markdown version
 * @param snapshots    SHA-256 of each source document's snapshot
 * @param urls         each source document's URL (the final one after redirects for a record; as declared for a failure)
 * @param fetchDate    when the capture was made (ISO 8601)
 * @param failureClass for a failure: its class ({@code transient}, {@code blocked}…)
 * @param reason       for a failure: one line naming the URL or selector
 * @param agentVersion Clausecam's version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEvent(String event, String service, String termsType, String recordId, String record, String previous,
                           String version, List<String> snapshots, List<String> urls, String fetchDate, String failureClass,
                           String reason, String agentVersion) {
}
