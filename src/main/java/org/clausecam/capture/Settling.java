package org.clausecam.capture;

import java.time.Duration;
import java.util.List;

/**
 * How a rendered page settled after {@code load} ({@link PageSettle}).
 *
 * @param settled whether it went quiet within the maximum; true also when no wait applied (the
 *                wait is off, the page never loaded, or it is not an HTML page)
 * @param waited  from {@code load} until it went quiet, or until the maximum
 * @param busy    when it did not settle, what was still going on: "still mutating", "2 requests
 *                in flight", "1 timer pending", "a new document was loading"
 */
public record Settling(boolean settled, Duration waited, List<String> busy) {

    /** No wait applied. */
    public static final Settling NOT_WAITED = new Settling(true, Duration.ZERO, List.of());

    public Settling {
        busy = List.copyOf(busy);
    }

    /** The line for the record's notes when the page did not settle, without the URL; null when it did. */
    public String note() {
        if (settled) {
            return null;
        }
        return "did not settle within " + Watchdog.seconds(waited) + " after load: " + String.join(", ", busy)
                + "; taken as it was";
    }
}
