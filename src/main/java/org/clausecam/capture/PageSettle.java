package org.clausecam.capture;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.TimeoutError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a page has settled after {@code load}: scripts often build a policy page after it
 * (a fetch, a timer, a framework's first render), and a capture taken at {@code load} keeps a
 * cookie banner where a person, a moment later, reads the whole policy.
 *
 * <p>A page is quiet when, for the whole quiet window, no DOM node or text changed in its main
 * document, no request of the page was in flight, and no short timer of its scripts was pending;
 * and at least the quiet window has passed since {@code load}; or, at once, when the document had
 * nothing that could change it after {@code load} (see below). The capture waits for that, never
 * longer than the maximum after {@code load}; a page still busy then is taken as it is and
 * {@link Settling} says why. What counts:
 * <ul>
 *   <li>DOM changes: a {@code MutationObserver} (nodes added or removed, text changed; shadow
 *       roots too) installed by an init script before the page's own scripts run. Attribute
 *       changes do not count: carousels and animations change them for ever, and they add no
 *       text.</li>
 *   <li>Requests: Playwright's request events, for every frame of the page; event streams and
 *       media (which never end by design) are left out.</li>
 *   <li>Timers: {@code setTimeout} calls due within the maximum, whether the content comes from
 *       a timer ({@code setTimeout(render, 1500)}) or a sleep ({@code await new Promise(r =>
 *       setTimeout(r, 4000))}); a chain of timers each set by the previous one stops counting
 *       after {@value #TIMER_CHAIN} links, so a polling loop cannot hold the page to the maximum.
 *       {@code setInterval} never counts.</li>
 * </ul>
 *
 * <p>A document that never held a script (data blocks such as JSON-LD aside), an inline event
 * handler, a frame, an embedded object or a {@code meta} refresh (seen by the same observer as
 * the parser adds each node, so a script that removes itself still counts) cannot change after
 * {@code load}: it is settled at {@code load} once no request is in flight, instead of being
 * held for the quiet window.
 *
 * <p>The page's script reports its counts through a binding (throttled to one call per
 * {@value #REPORT_GAP_MILLIS} ms), so the owner thread never waits on the page to learn its
 * state: {@link #done} is plain arithmetic, usable from {@code BrowserJob.InFlight#ready()}, and
 * the rolling window keeps serving other pages while this one settles. Owner thread only.
 */
final class PageSettle {

    /** The binding the init script reports through; captured and deleted from {@code window} at once. */
    static final String BINDING = "__clausecamSettle";

    /** Links of a {@code setTimeout} chain that still count as pending work. */
    static final int TIMER_CHAIN = 3;

    /** The page's script reports at most this often. */
    static final int REPORT_GAP_MILLIS = 50;

    /** Resource types that stay open by design: a page holding one is still quiet. */
    private static final Set<String> LONG_LIVED = Set.of("eventsource", "websocket", "media");

    private final Page page;
    private final long quietNanos;
    private final long maxNanos;
    private final Set<Request> inFlight = new HashSet<>();
    private boolean committed;
    private long loadedAt = -1;
    /** The main frame committed a new document after {@code load} (a client-side redirect) that has not loaded yet. */
    private boolean reloading;
    private long lastLoad = Long.MIN_VALUE;
    private long lastMutation = Long.MIN_VALUE;
    private long lastRequest = Long.MIN_VALUE;
    private long lastTimer = Long.MIN_VALUE;
    private long mutations = -1;
    private int pendingTimers;
    /** The page's script said, at {@code load}, that its document had nothing that could change it. */
    private boolean inert;
    private long settledAt = -1;

    private PageSettle(Page page, Duration quiet, Duration max) {
        this.page = page;
        this.quietNanos = quiet.toNanos();
        this.maxNanos = max.toNanos();
    }

    /**
     * Starts watching a page that has not navigated yet: the init script and the binding apply
     * to the documents it loads from now on.
     *
     * @param quiet how long the page must stay quiet
     * @param max   the longest wait after {@code load}; zero turns the wait off
     */
    static PageSettle watch(Page page, Duration quiet, Duration max) {
        PageSettle settle = new PageSettle(page, quiet, max);
        if (max.isZero()) {
            return settle;
        }
        page.exposeBinding(BINDING, (source, args) -> {
            if (source.frame() == page.mainFrame()) {
                settle.reported(args);
            }
            return null;
        });
        page.addInitScript(initScript(max));
        page.onRequest(EventHandlers.tolerant(settle::requested));
        page.onRequestFinished(EventHandlers.tolerant(settle::ended));
        page.onRequestFailed(EventHandlers.tolerant(settle::ended));
        page.onFrameNavigated(EventHandlers.tolerant(frame -> {
            if (frame != page.mainFrame() || frame.url().startsWith("about:") || frame.url().startsWith("chrome-error:")) {
                return;
            }
            settle.committed = true;
            if (settle.loadedAt >= 0) {
                settle.reloading = true;
                settle.mutations = -1;
                settle.pendingTimers = 0;
                settle.inert = false;
            }
        }));
        page.onLoad(EventHandlers.tolerant(p -> {
            if (!settle.committed) {
                return;
            }
            long now = System.nanoTime();
            if (settle.loadedAt < 0) {
                settle.loadedAt = now;
            }
            settle.reloading = false;
            settle.lastLoad = now;
        }));
        return settle;
    }

    private void requested(Request request) {
        if (LONG_LIVED.contains(request.resourceType())) {
            return;
        }
        inFlight.add(request);
        lastRequest = System.nanoTime();
    }

    private void ended(Request request) {
        if (inFlight.remove(request)) {
            lastRequest = System.nanoTime();
        }
    }

    /** {@code (mutations, pendingTimers, inert)} from the page's script; anything else is ignored. */
    private void reported(Object[] args) {
        if (args.length < 2 || !(args[0] instanceof Number m) || !(args[1] instanceof Number t)) {
            return;
        }
        long now = System.nanoTime();
        inert = args.length > 2 && Boolean.TRUE.equals(args[2]);
        if (m.longValue() != mutations) {
            mutations = m.longValue();
            lastMutation = now;
        }
        int timers = Math.max(0, t.intValue());
        if (timers != pendingTimers) {
            pendingTimers = timers;
            lastTimer = now;
        }
    }

    /** Whether the page loaded (a settle wait applies only after {@code load}). */
    boolean loaded() {
        return loadedAt >= 0;
    }

    /**
     * Whether waiting is over: the page is quiet, or the maximum after {@code load} has passed, or
     * the wait is off. False before {@code load}. Plain arithmetic: no call into Playwright.
     */
    boolean done() {
        if (maxNanos == 0) {
            return true;
        }
        if (loadedAt < 0) {
            return false;
        }
        if (settledAt >= 0) {
            return true;
        }
        long now = System.nanoTime();
        if (quiet(now)) {
            settledAt = now;
            return true;
        }
        return now - loadedAt >= maxNanos;
    }

    private boolean quiet(long now) {
        long lastActivity = Math.max(Math.max(lastLoad, lastMutation), Math.max(lastRequest, lastTimer));
        return !reloading && inFlight.isEmpty() && pendingTimers == 0 && (inert || now - lastActivity >= quietNanos);
    }

    /**
     * Lets Playwright dispatch events until the page is {@link #done}; at once when it is.
     * Owner thread only, inside the job (the rolling window normally finishes a job only once it
     * is done, so this waits only when a job is finished early).
     */
    void await() {
        if (loadedAt < 0 || done()) {
            return;
        }
        long left = Math.max(1, (loadedAt + maxNanos - System.nanoTime()) / 1_000_000);
        try {
            page.waitForCondition(this::done, new Page.WaitForConditionOptions().setTimeout(left));
        } catch (TimeoutError e) {
            // The maximum passed: done() holds now.
        } catch (PlaywrightException e) {
            // The page went away; the capture reports it when it reads the page.
        }
    }

    /** How the wait ended; call once {@link #done} holds. */
    Settling outcome() {
        if (maxNanos == 0 || loadedAt < 0) {
            return Settling.NOT_WAITED;
        }
        long now = System.nanoTime();
        if (settledAt >= 0 || quiet(now)) {
            long at = settledAt >= 0 ? settledAt : now;
            return new Settling(true, Duration.ofNanos(at - loadedAt), List.of());
        }
        List<String> busy = new ArrayList<>();
        if (reloading) {
            busy.add("a new document was loading");
        }
        if (now - lastMutation < quietNanos) {
            busy.add("still mutating");
        }
        if (!inFlight.isEmpty()) {
            busy.add(inFlight.size() + (inFlight.size() == 1 ? " request" : " requests") + " in flight");
        }
        if (pendingTimers > 0) {
            busy.add(pendingTimers + (pendingTimers == 1 ? " timer" : " timers") + " pending");
        }
        if (busy.isEmpty()) {
            busy.add("still busy");
        }
        return new Settling(false, Duration.ofNanos(Math.min(maxNanos, now - loadedAt)), busy);
    }

    /**
     * The page's side: counts of DOM changes and pending timers, reported through the binding
     * when they change. Runs before the page's scripts in every document of the main frame.
     */
    static String initScript(Duration max) {
        return """
                (() => {
                  if (window.top !== window) return;
                  const NAME = '%s', MAX = %d, CHAIN = %d, GAP = %d;
                  let report = typeof window[NAME] === 'function' ? window[NAME] : null;
                  if (report) { try { delete window[NAME]; } catch (e) { } }
                  const realSetTimeout = window.setTimeout, realClearTimeout = window.clearTimeout;
                  const now = () => performance.now();
                  let mutations = 0, timers = 0, sent = '', scheduled = false, lastSent = -1e9, depth = 0;
                  // Whether the document could change after load: anything that runs code or loads another document.
                  let live = false, inert = false;
                  // The parser adds nodes one by one, each seen here, so a node's own name and attributes suffice.
                  const LIVE = 'iframe, frame, object, embed, meta[http-equiv="refresh" i], '
                      + 'template[shadowrootmode], template[shadowroot]';
                  // A script runs unless its type names data (JSON-LD, templates): HTML's rule, without the legacy language attribute.
                  const RUNS = /^(|module|importmap|(text|application)\\/(x-)?(java|ecma)script|text\\/(jscript|livescript|javascript1\\.[0-5]))$/i;
                  const runs = script => RUNS.test((script.getAttribute('type') ?? '').trim());
                  const handlers = element => element.getAttributeNames().some(name => name.startsWith('on'));
                  const liveNode = node => node.nodeType === 1
                      && (node.localName === 'script' ? runs(node) : node.matches(LIVE) || handlers(node));
                  const send = () => {
                    scheduled = false;
                    lastSent = now();
                    const state = mutations + ',' + timers + ',' + inert;
                    if (state === sent) return;
                    if (!report && typeof window[NAME] === 'function') report = window[NAME];
                    if (!report) { scheduled = true; Reflect.apply(realSetTimeout, window, [send, GAP]); return; }
                    sent = state;
                    try { report(mutations, timers, inert); } catch (e) { }
                  };
                  const changed = () => {
                    if (scheduled) return;
                    const wait = GAP - (now() - lastSent);
                    if (wait <= 0) { send(); return; }
                    scheduled = true;
                    Reflect.apply(realSetTimeout, window, [send, wait]);
                  };
                  const count = records => {
                    mutations += records.length;
                    if (!live) live = records.some(record => [...record.addedNodes].some(liveNode));
                  };
                  const observer = new MutationObserver(records => { count(records); changed(); });
                  const options = { childList: true, characterData: true, subtree: true };
                  observer.observe(document, options);
                  const attachShadow = Element.prototype.attachShadow;
                  if (attachShadow) {
                    Element.prototype.attachShadow = new Proxy(attachShadow, {
                      apply(target, self, args) {
                        const root = Reflect.apply(target, self, args);
                        try { observer.observe(root, options); } catch (e) { }
                        return root;
                      }
                    });
                  }
                  const pending = new Set();
                  window.setTimeout = new Proxy(realSetTimeout, {
                    apply(target, self, args) {
                      const handler = args[0];
                      if (typeof handler !== 'function') return Reflect.apply(target, self, args);
                      const delay = Number(args[1]) || 0;
                      const extra = args.slice(2);
                      const link = depth + 1;
                      let id;
                      const run = function () {
                        if (pending.delete(id)) { timers--; changed(); }
                        const outer = depth;
                        depth = link;
                        try { return Reflect.apply(handler, this, extra); } finally { depth = outer; }
                      };
                      id = Reflect.apply(target, self, [run, args[1]]);
                      if (delay <= MAX && link <= CHAIN) { pending.add(id); timers++; changed(); }
                      return id;
                    }
                  });
                  const clearing = {
                    apply(target, self, args) {
                      if (pending.delete(args[0])) { timers--; changed(); }
                      return Reflect.apply(target, self, args);
                    }
                  };
                  window.clearTimeout = new Proxy(realClearTimeout, clearing);
                  window.clearInterval = new Proxy(window.clearInterval, clearing);
                  window.addEventListener('load', () => {
                    // Records of the last nodes parsed may still be queued: take them first.
                    count(observer.takeRecords());
                    inert = !live && document.documentElement !== null && !handlers(document.documentElement);
                    send();
                  }, { once: true });
                })();
                """.formatted(BINDING, max.toMillis(), TIMER_CHAIN, REPORT_GAP_MILLIS);
    }
}
