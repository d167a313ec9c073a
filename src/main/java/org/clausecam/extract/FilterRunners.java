package org.clausecam.extract;

import java.nio.file.Files;
import java.nio.file.Path;

/** The filter runner available where the parity check and benchmark run: Chromium when one is found. */
final class FilterRunners {
    private FilterRunners() {
    }

    /** A browser runner on CLAUSECAM_CHROMIUM or /usr/bin/chromium; null when there is none. */
    static BrowserFilterRunner fromEnvironment() {
        String configured = System.getenv("CLAUSECAM_CHROMIUM");
        for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && !candidate.isBlank() && Files.isExecutable(Path.of(candidate))) {
                return new BrowserFilterRunner(Path.of(candidate));
            }
        }
        return null;
    }
}
