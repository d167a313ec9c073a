package org.clausecam.export;

import java.time.Instant;

/**
 * Where one replayable record sits in the WARC file, for the WACZ index.
 *
 * @param url    WARC-Target-URI
 * @param date   WARC-Date
 * @param mime   media type of the payload, or null
 * @param status HTTP status of a response, 0 for a resource record
 * @param digest payload digest, {@code sha256:<hex>}
 * @param offset byte offset of the record's gzip member in the file
 * @param length byte length of that member
 */
public record WarcIndexEntry(String url, Instant date, String mime, int status, String digest, long offset, long length) {
}
