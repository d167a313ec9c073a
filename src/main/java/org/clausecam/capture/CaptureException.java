package org.clausecam.capture;

/**
 * The browser side failed: no Chromium to run, a browser that crashed or stayed busy, a
 * screenshot that could not be taken. Failures of the page itself (404, unreachable host,
 * refused address) are {@link org.clausecam.fetch.FetchException}s instead.
 */
public class CaptureException extends Exception {
    private static final long serialVersionUID = 1L;

    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
