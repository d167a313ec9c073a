package org.clausecam.capture;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * A page whose text scrolls inside one box that fills the window (an application shell:
 * {@code html, body { height: 100%; overflow: hidden }} around a scrolling {@code main}, a
 * fixed layer, a flex column) rather than as a document. Its document is one window tall, so a
 * full-page shot of it would show the first screen of the terms and nothing of the rest.
 *
 * <p>For the shot, that box and every box around it grow to their content: no height, no
 * clipping, a fixed layer laid out in the document. Only a box that hides more than the
 * document's own scrolling does (a shell's document hides nothing, or a footer's worth), and
 * only the largest such box covering at least half the window each way, so that a menu, a side
 * bar or a code sample that scrolls is left as it is. The change is one style
 * sheet and one attribute per box, all taken out after the shot: the document read afterwards
 * is the one read before. Owner thread only.
 */
final class InnerScroller {

    private static final String ATTRIBUTE = "data-clausecam-unclip";

    /** What grows: the box and its ancestors, all the way up; a fixed one joins the document's flow. */
    private static final String STYLE = "[" + ATTRIBUTE + "] { height: auto !important; max-height: none !important; "
            + "overflow: visible !important; bottom: auto !important; flex-basis: auto !important; } "
            + "[" + ATTRIBUTE + "=\"fixed\"] { position: absolute !important; }";

    /** Finds the box and lets it grow; whether it found one. Scroll heights are read once the layout is done. */
    private static final String UNCLIP = """
            css => {
              const d = document.documentElement, b = document.body;
              if (!d || !b) return false;
              const documentHides = Math.max(d.scrollHeight, b.scrollHeight) - innerHeight;
              let box = null, largest = 0;
              for (const e of b.getElementsByTagName('*')) {
                const hides = e.scrollHeight - e.clientHeight;
                if (hides <= 16 || hides <= documentHides) continue;
                const y = getComputedStyle(e).overflowY;
                if (y !== 'auto' && y !== 'scroll' && y !== 'overlay') continue;
                const r = e.getBoundingClientRect();
                const w = Math.min(r.right, innerWidth) - Math.max(r.left, 0);
                const h = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
                if (w >= innerWidth / 2 && h >= innerHeight / 2 && w * h > largest) { box = e; largest = w * h; }
              }
              if (!box) return false;
              for (let e = box; e; e = e.parentElement) {
                e.setAttribute('%1$s', getComputedStyle(e).position === 'fixed' ? 'fixed' : '');
              }
              const s = document.createElement('style');
              s.setAttribute('%1$s', 'style');
              s.textContent = css;
              (document.head || d).appendChild(s);
              return true;
            }""".formatted(ATTRIBUTE);

    private static final String RECLIP = """
            () => {
              for (const e of document.querySelectorAll('[%1$s]')) {
                if (e.getAttribute('%1$s') === 'style') e.remove(); else e.removeAttribute('%1$s');
              }
            }""".formatted(ATTRIBUTE);

    private InnerScroller() {
    }

    /**
     * Lets the page's scrolling box grow for the shot, if it has one.
     *
     * @return whether it did (then {@link #reclip} must follow the shot)
     */
    static boolean unclip(Page page) {
        try {
            return Boolean.TRUE.equals(page.evaluate(UNCLIP, STYLE));
        } catch (PlaywrightException scriptless) {
            // A page that cannot be asked is pictured as it lays itself out.
            return false;
        }
    }

    /** Takes out what {@link #unclip} put in. */
    static void reclip(Page page) {
        try {
            page.evaluate(RECLIP);
        } catch (PlaywrightException gone) {
            // The page went away: nothing to take out.
        }
    }
}
