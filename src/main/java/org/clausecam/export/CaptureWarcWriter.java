package org.clausecam.export;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.clausecam.fetch.HttpStatus;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.ResourceCapture;
import org.clausecam.store.Sha256;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.url.WebUrl;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

/**
 * The WARC records of one capture, all dated at its fetch time. Per source document: a
 * {@code request}/{@code response} pair for every response the page loaded (the main document
 * as received among them), or, when none were kept (plain HTTP fetches, older records,
 * {@code --no-resources}), for the main document from the snapshot and the headers the record
 * has; then {@code resource} records for the settled DOM of a rendered page
 * ({@code urn:dom:URL}) and the full-page screenshot ({@code urn:fullPage:URL}, browsertrix-crawler's
 * name), both {@code WARC-Concurrent-To} the main response. Per capture: a {@code resource}
 * record for the Markdown version ({@code urn:markdown:URL}), {@code WARC-Concurrent-To} the main
 * response and the DOM it was extracted from. A response, screenshot, DOM or version whose
 * payload was already written in this file is a {@code revisit} (identical-payload-digest)
 * referring to the first.
 */
final class CaptureWarcWriter {

    private static final MediaType MARKDOWN = MediaType.parse("text/markdown;charset=utf-8");
    private static final MediaType PNG = MediaType.parse("image/png");
    /** The media type CDXJ indexes give revisits (pywb's, which ReplayWeb.page reads). */
    private static final String REVISIT = "warc/revisit";
    /** The block digest of a resource revisit: its block is empty, the content is the record it refers to. */
    private static final String EMPTY_SHA256 = Sha256.hex(new byte[0]);

    private final WarcWriter warc;
    private final Store store;
    private final URI warcinfo;
    private final Consumer<WarcIndexEntry> index;
    /** The responses written so far, by the SHA-256 of their payload: a later one with the same payload is a revisit. */
    private final Map<String, Original> originals = new HashMap<>();
    /** The screenshots, DOMs and versions written so far, by the SHA-256 of their content, likewise. */
    private final Map<String, Original> originalResources = new HashMap<>();

    /** A response written in full, which revisits refer to. */
    private record Original(URI id, String url, Instant date) {
    }

    CaptureWarcWriter(WarcWriter warc, Store store, URI warcinfo, Consumer<WarcIndexEntry> index) {
        this.warc = warc;
        this.store = store;
        this.warcinfo = warcinfo;
        this.index = index;
    }

    /** Writes the capture's records and returns its pages, one per source document. */
    List<ExportedPage> write(StoredRecord stored) throws IOException, ExportException {
        CaptureRecord record = stored.record();
        Instant date = record.fetchDate();
        String title = record.service() + " " + record.termsType();
        List<ExportedPage> pages = new ArrayList<>();
        List<URI> versionSources = new ArrayList<>();
        for (DocumentCapture document : record.documents()) {
            URI main = null;
            for (ResourceCapture resource : document.resources()) {
                URI id = exchange(resource.url(), resource.requestHeaders(), resource.status(), resource.statusLine(),
                        resource.headers(), resource.mime(), blob(stored, resource.body(), resource.url()), date);
                if (main == null && resource.url().equals(document.location()) && HttpStatus.isSuccess(resource.status())) {
                    main = id;
                }
            }
            URI dom = null;
            if (main == null) {
                main = exchange(document.location(), Map.of(), document.status(), document.statusLine(), mainHeaders(document),
                        document.mimeType(), blob(stored, document.snapshot(), document.location()), date);
            } else if ("browser".equals(document.fetcher())) {
                dom = resource("urn:dom:" + document.location(), MediaType.HTML_UTF8,
                        blob(stored, document.snapshot(), document.location()), date, List.of(main));
            }
            if (document.screenshot() != null) {
                resource("urn:fullPage:" + document.location(), PNG, blob(stored, document.screenshot(), document.location()), date,
                        List.of(main));
            }
            if (versionSources.isEmpty()) {
                versionSources.add(main);
                if (dom != null) versionSources.add(dom);
            }
            pages.add(new ExportedPage(document.location(), date, title));
        }
        if (!record.documents().isEmpty()) {
            // The version is concurrent to what it was extracted from: the main response and the DOM.
            resource("urn:markdown:" + record.documents().get(0).location(), MARKDOWN, blob(stored, record.version(), "the version"),
                    date, versionSources);
        }
        return pages;
    }

    /**
     * The headers of a main document kept without its response: a rendered page's snapshot is its
     * DOM serialised as UTF-8, whatever charset the answer announced.
     */
    private static Map<String, List<String>> mainHeaders(DocumentCapture document) {
        Map<String, List<String>> headers = new LinkedHashMap<>(document.headers() == null ? Map.of() : document.headers());
        if ("browser".equals(document.fetcher()) && document.mimeType() != null && document.mimeType().startsWith("text/")) {
            headers.put("content-type", List.of(document.mimeType() + "; charset=utf-8"));
        }
        return headers;
    }

    /**
     * A request and its response; returns the response's record id. A payload already written
     * (a stylesheet unchanged since the last capture, shared by another page) is a {@code revisit}
     * record of profile identical-payload-digest: its HTTP headers and a reference to the first.
     */
    private URI exchange(String url, Map<String, List<String>> requestHeaders, int status, String statusLine,
                         Map<String, List<String>> headers, String mime, byte[] body, Instant date) throws IOException {
        String sha256 = Sha256.hex(body);
        URI responseId = newId();
        Original original = body.length == 0 ? null : originals.get(sha256);
        if (original == null) {
            byte[] block = HttpBlocks.response(status, statusLine, headers, body);
            write(new WarcResponse.Builder(url)
                    .recordId(responseId)
                    .date(date)
                    .warcinfoId(warcinfo)
                    .body(MediaType.HTTP_RESPONSE, block)
                    .blockDigest("sha256", Sha256.hex(block))
                    .payloadDigest("sha256", sha256)
                    .build(), new WarcIndexEntry(url, date, mime, status, "sha256:" + sha256, 0, 0));
            if (body.length > 0) originals.put(sha256, new Original(responseId, url, date));
        } else {
            byte[] block = HttpBlocks.responseHead(status, statusLine, headers, body.length);
            write(new WarcRevisit.Builder(url, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                    .recordId(responseId)
                    .date(date)
                    .warcinfoId(warcinfo)
                    .refersTo(original.id(), original.url(), original.date())
                    .body(MediaType.HTTP_RESPONSE, block)
                    .blockDigest("sha256", Sha256.hex(block))
                    .payloadDigest("sha256", sha256)
                    .build(), new WarcIndexEntry(url, date, REVISIT, status, "sha256:" + sha256, 0, 0));
        }
        byte[] request = HttpBlocks.request("GET", WebUrl.create(url, null).toUri(), requestHeaders);
        write(new WarcRequest.Builder(url)
                .date(date)
                .warcinfoId(warcinfo)
                .concurrentTo(responseId)
                .body(MediaType.HTTP_REQUEST, request)
                .blockDigest("sha256", Sha256.hex(request))
                .build(), null);
        return responseId;
    }

    /**
     * A screenshot, DOM or version; returns its record id. Content already written in this file
     * (the screenshot of a page unchanged since the last capture) is a {@code revisit} record of
     * profile identical-payload-digest, with an empty block and a reference to the first, as for
     * responses. Kept apart from the responses' originals so that a revisit of a {@code urn:}
     * record always names a record of the same kind.
     */
    private URI resource(String url, MediaType type, byte[] content, Instant date, List<URI> concurrentTo) throws IOException {
        String sha256 = Sha256.hex(content);
        URI id = newId();
        Original original = content.length == 0 ? null : originalResources.get(sha256);
        if (original == null) {
            WarcResource.Builder builder = new WarcResource.Builder(URI.create(url))
                    .recordId(id)
                    .date(date)
                    .warcinfoId(warcinfo)
                    .body(type, content)
                    .blockDigest("sha256", sha256)
                    .payloadDigest("sha256", sha256);
            for (URI source : concurrentTo) builder.concurrentTo(source);
            write(builder.build(), new WarcIndexEntry(url, date, type.base().toString(), 0, "sha256:" + sha256, 0, 0));
            if (content.length > 0) originalResources.put(sha256, new Original(id, url, date));
        } else {
            WarcRevisit.Builder builder = new WarcRevisit.Builder(URI.create(url), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                    .recordId(id)
                    .date(date)
                    .warcinfoId(warcinfo)
                    .refersTo(original.id(), original.url(), original.date())
                    .blockDigest("sha256", EMPTY_SHA256)
                    .payloadDigest("sha256", sha256);
            for (URI source : concurrentTo) builder.concurrentTo(source);
            write(builder.build(), new WarcIndexEntry(url, date, REVISIT, 0, "sha256:" + sha256, 0, 0));
        }
        return id;
    }

    /** Writes a record and, for one replay looks up, its place in the file. */
    private void write(WarcRecord record, WarcIndexEntry entry) throws IOException {
        long offset = warc.position();
        warc.write(record);
        if (entry != null) {
            index.accept(new WarcIndexEntry(entry.url(), entry.date(), entry.mime(), entry.status(), entry.digest(),
                    offset, warc.position() - offset));
        }
    }

    private byte[] blob(StoredRecord stored, String sha256, String of) throws ExportException {
        try {
            return store.getBlob(sha256);
        } catch (StoreException e) {
            throw new ExportException(stored.record().service() + " / " + stored.record().termsType() + ", record " + stored.id()
                    + ": the blob " + sha256 + " of " + of + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static URI newId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }
}
