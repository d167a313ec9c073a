package org.clausecam.capture;

import com.microsoft.playwright.Browser;

/** Work done with the browser on {@link Chromium}'s own thread; Playwright objects never leave it. */
@FunctionalInterface
interface BrowserWork<T> {
    T run(Browser browser) throws Exception;
}
