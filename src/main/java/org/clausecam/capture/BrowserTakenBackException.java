package org.clausecam.capture;

/**
 * This job's own step overran its deadline (a script that never yields, a wedged renderer) and
 * the watchdog killed the browser to get it back. Unlike other browser failures it is the job's
 * fault: running the same work again would hang again.
 */
public class BrowserTakenBackException extends CaptureException {
    private static final long serialVersionUID = 1L;

    public BrowserTakenBackException(String message, Throwable cause) {
        super(message, cause);
    }
}
