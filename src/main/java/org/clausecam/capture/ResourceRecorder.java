package org.clausecam.capture;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.HttpHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clausecam.fetch.HttpStatus;

/**
 * Keeps the responses a page loads, for replay: every {@code GET} answered 2xx or 3xx over
 * {@code http(s)}, in the order they came, within a byte cap per response and one per page.
 *
 * <p>Why here and not at the checking proxy: the proxy only sees {@code CONNECT} tunnels for
 * {@code https} (it would have to break TLS to read them) and is not there at all with
 * {@code --allow-private-network}. Chromium has every body already decoded in its network buffer.
 *
 * <p>While the page loads only the {@link Response} handles are noted (no call into the
 * browser from the event); bodies are asked for once, when the capture finishes, on the owner
 * thread, where the job's deadline already holds, and only for requests that finished: a body
 * still streaming (an endless one) would hold the owner thread. What the network guard refused never got a
 * 2xx/3xx answer and so is never kept. Owner thread only.
 */
final class ResourceRecorder {

    /** Responses noted per page at most; a page making more requests than this is a crawler trap. */
    static final int MAX_RESPONSES = 2000;

    private final Page page;
    private final boolean keepsMainDocument;
    private final long maxResponseBytes;
    private final long maxPageBytes;
    private final List<Response> responses = new ArrayList<>();
    /** Requests whose body arrived whole; a body still streaming (an endless one) is never asked for. */
    private final Set<Request> finished = Collections.newSetFromMap(new IdentityHashMap<>());

    private ResourceRecorder(Page page, boolean keepsMainDocument, long maxResponseBytes, long maxPageBytes) {
        this.page = page;
        this.keepsMainDocument = keepsMainDocument;
        this.maxResponseBytes = maxResponseBytes;
        this.maxPageBytes = maxPageBytes;
    }

    /** Starts noting the responses of a page that has not navigated yet, its main document among them. */
    static ResourceRecorder watch(Page page, long maxResponseBytes, long maxPageBytes) {
        return new ResourceRecorder(page, true, maxResponseBytes, maxPageBytes).listen();
    }

    /**
     * As {@link #watch}, for a page whose main document we answer ourselves (a document fetched
     * over plain HTTP, pictured from its bytes): that answer is ours, not the site's, and is left
     * out; the record has the document as it was received.
     */
    static ResourceRecorder watchSubresources(Page page, long maxResponseBytes, long maxPageBytes) {
        return new ResourceRecorder(page, false, maxResponseBytes, maxPageBytes).listen();
    }

    private ResourceRecorder listen() {
        page.onResponse(this::noted);
        page.onRequestFinished(finished::add);
        return this;
    }

    private void noted(Response response) {
        if (responses.size() < MAX_RESPONSES) responses.add(response);
    }

    /**
     * The bodies and headers of the responses worth keeping, with the request headers the browser
     * sent for them (credentials left out: {@link SentHeaders}), read from the browser now. A body
     * the browser no longer has (evicted, a response still streaming) is left out; over the
     * per-response cap it is left out; once the page's cap is reached the rest is left out.
     */
    List<PageResource> kept() {
        List<PageResource> kept = new ArrayList<>();
        long total = 0;
        for (Response response : responses) {
            if (!worthKeeping(response) || !keepsMainDocument && ownMainDocument(response)) continue;
            if (!redirect(response) && !finished.contains(response.request())) continue;
            try {
                PageResource resource = read(response);
                if (resource == null || total + resource.body().length > maxPageBytes) continue;
                total += resource.body().length;
                kept.add(resource);
            } catch (PlaywrightException e) {
                // No body for it any more (the page navigated on, the request was cancelled):
                // replay will miss that one response, the capture itself is whole.
            }
        }
        return kept;
    }

    private static boolean worthKeeping(Response response) {
        String url = response.url();
        return (url.startsWith("http://") || url.startsWith("https://"))
                && "GET".equals(response.request().method())
                && (HttpStatus.isSuccess(response.status()) || redirect(response))
                && !response.fromServiceWorker();
    }

    private static boolean redirect(Response response) {
        return response.status() / 100 == 3;
    }

    private boolean ownMainDocument(Response response) {
        return response.request().isNavigationRequest() && response.frame() == page.mainFrame();
    }

    /** The response with its body, or null when its announced or actual size is over the cap. */
    private PageResource read(Response response) {
        Map<String, List<String>> headers = headers(response.headersArray());
        List<String> length = headers.get("content-length");
        if (length != null && announcedOver(length.get(0))) return null;
        byte[] body = redirect(response) ? new byte[0] : response.body();
        if (body.length > maxResponseBytes) return null;
        List<String> type = headers.get("content-type");
        String mime = type == null ? null : type.get(0).split(";")[0].strip().toLowerCase(Locale.ROOT);
        // Asked for here, with the body, and not in the response event: it goes through the driver.
        Map<String, List<String>> sent = SentHeaders.withoutCredentials(response.request().headersArray());
        return new PageResource(response.url(), "GET", response.status(),
                HttpStatus.statusLine("HTTP/1.1", response.status(), response.statusText()), headers, mime, body, sent);
    }

    private boolean announcedOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxResponseBytes;
        } catch (NumberFormatException e) {
            // A length that is no number says nothing; the body's own length decides.
            return false;
        }
    }

    private static Map<String, List<String>> headers(List<HttpHeader> received) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader h : received) {
            headers.computeIfAbsent(h.name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.value);
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        return headers;
    }
}
