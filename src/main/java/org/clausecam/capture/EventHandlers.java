package org.clausecam.capture;

import com.microsoft.playwright.PlaywrightException;
import java.util.function.Consumer;

/**
 * Playwright runs event handlers (routes, dialogs, pop-ups) inside whatever Playwright call the
 * owner thread is making, possibly one for another page in flight, and a handler's exception
 * surfaces there. A handler may legitimately fail because its page or context is closing
 * ("Target closed", "Route is already handled"); such failures must not break another capture.
 */
final class EventHandlers {

    private EventHandlers() {
    }

    static <T> Consumer<T> tolerant(Consumer<T> handler) {
        return event -> {
            try {
                handler.accept(event);
            } catch (PlaywrightException e) {
                // The page or context went away while its event was handled: nothing left to do.
            }
        };
    }
}
