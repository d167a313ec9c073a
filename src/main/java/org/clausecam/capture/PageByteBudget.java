package org.clausecam.capture;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.HashSet;
import java.util.Set;

/**
 * A byte budget for everything one page receives: main document, frames, subresources. Counted
 * where the bytes arrive, from Chromium's own {@code Network.dataReceived} events on a DevTools
 * session of the page, so it holds whether traffic goes through the checking proxy or direct
 * ({@code --allow-private-network}). Over budget, the page stops loading (what is in flight is
 * cancelled) and every later request is blocked; the page is then taken as it is, with a note.
 *
 * <p>Documents in frames have a smaller budget of their own: HTML costs the renderer far more
 * than its size once laid out (55 MiB of framed text took a renderer to 1.4 GB), while the main
 * document keeps the limit plain HTTP has, and images weigh about what they are.
 *
 * <p>Frames of other sites are counted because Chromium runs without site isolation
 * ({@link Chromium#LAUNCH_ARGS}): isolated, they would load in a renderer of their own and
 * report to their own session, not to this one. Owner thread only (events are dispatched there).
 */
final class PageByteBudget {

    private final long limitBytes;
    private final long frameDocumentLimitBytes;
    private final CDPSession session;
    private final Set<String> frameDocuments = new HashSet<>();
    private String mainFrameId;
    private long receivedBytes;
    private long frameDocumentBytes;
    private boolean exceeded;
    private int requestsAborted;

    private PageByteBudget(CDPSession session, long limitBytes, long frameDocumentLimitBytes) {
        this.session = session;
        this.limitBytes = limitBytes;
        this.frameDocumentLimitBytes = frameDocumentLimitBytes;
    }

    /**
     * Starts counting for a page that has not navigated yet.
     *
     * @param limitBytes              everything the page receives
     * @param frameDocumentLimitBytes the documents of its frames (not the main document)
     */
    static PageByteBudget watch(BrowserContext context, Page page, long limitBytes, long frameDocumentLimitBytes) {
        CDPSession session = context.newCDPSession(page);
        PageByteBudget budget = new PageByteBudget(session, limitBytes, frameDocumentLimitBytes);
        session.on("Network.requestWillBeSent", EventHandlers.tolerant(budget::requested));
        session.on("Network.dataReceived", EventHandlers.tolerant(budget::received));
        session.on("Network.loadingFailed", EventHandlers.tolerant(budget::failed));
        budget.mainFrameId = session.send("Page.getFrameTree").getAsJsonObject("frameTree")
                .getAsJsonObject("frame").get("id").getAsString();
        session.send("Network.enable");
        return budget;
    }

    private void requested(JsonObject event) {
        boolean document = event.has("type") && "Document".equals(event.get("type").getAsString());
        if (document && event.has("frameId") && !event.get("frameId").getAsString().equals(mainFrameId)) {
            frameDocuments.add(event.get("requestId").getAsString());
        }
    }

    private void received(JsonObject event) {
        long bytes = event.get("dataLength").getAsLong();
        receivedBytes += bytes;
        if (frameDocuments.contains(event.get("requestId").getAsString())) {
            frameDocumentBytes += bytes;
        }
        if (!exceeded && (receivedBytes > limitBytes || frameDocumentBytes > frameDocumentLimitBytes)) {
            exceeded = true;
            JsonObject everything = new JsonObject();
            JsonArray urls = new JsonArray();
            urls.add("*");
            everything.add("urls", urls);
            session.send("Network.setBlockedURLs", everything);
            session.send("Page.stopLoading");
        }
    }

    private void failed(JsonObject event) {
        if (exceeded) {
            requestsAborted++;
        }
    }

    /** Whether the page received more than its budget (its loading was then stopped). */
    boolean exceeded() {
        return exceeded;
    }

    /** What went over, or null when the page stayed within its budget. */
    BudgetOverrun overrun() {
        if (!exceeded) {
            return null;
        }
        return frameDocumentBytes > frameDocumentLimitBytes
                ? new BudgetOverrun("the documents of its frames", frameDocumentLimitBytes, frameDocumentBytes, requestsAborted)
                : new BudgetOverrun("the page", limitBytes, receivedBytes, requestsAborted);
    }

    /** Stops counting; quiet when the page or browser is gone already. */
    void detach() {
        try {
            session.detach();
        } catch (PlaywrightException e) {
            // The context closed first: the session went with it.
        }
    }
}
