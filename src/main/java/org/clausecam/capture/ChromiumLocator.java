package org.clausecam.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Chromium to drive, in this order: {@code CLAUSECAM_CHROMIUM}; the system's
 * ({@code /usr/bin/chromium}, {@code chromium-browser}, {@code google-chrome}); Playwright's own
 * browser when {@code playwright install chromium} has put one in its cache. A capture job
 * never downloads a browser by itself: when none is found the error says what to install.
 */
final class ChromiumLocator {

    static final String ENV_EXECUTABLE = "CLAUSECAM_CHROMIUM";

    private static final List<String> SYSTEM_EXECUTABLES = List.of(
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
            "/usr/bin/google-chrome-stable", "/snap/bin/chromium");

    /**
     * Where the browser comes from.
     *
     * @param executable the executable to launch, or empty for Playwright's managed browser
     * @param origin     how it was found, for messages
     */
    record Located(Optional<Path> executable, String origin) {
    }

    private ChromiumLocator() {
    }

    static Located locate(Map<String, String> env) throws CaptureException {
        return locate(env, SYSTEM_EXECUTABLES);
    }

    static Located locate(Map<String, String> env, List<String> systemExecutables) throws CaptureException {
        String configured = env.get(ENV_EXECUTABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            if (!Files.isExecutable(path)) {
                throw new CaptureException(ENV_EXECUTABLE + "=" + configured + " is not an executable file");
            }
            return new Located(Optional.of(path), ENV_EXECUTABLE);
        }
        for (String candidate : systemExecutables) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return new Located(Optional.of(path), "system Chromium");
            }
        }
        if (playwrightManagedChromiumInstalled(env)) {
            return new Located(Optional.empty(), "Playwright's managed Chromium");
        }
        throw new CaptureException("no Chromium found: install one (Debian/Ubuntu: apt-get install chromium), "
                + "or let Playwright download its own (scripts/install-browser, or "
                + "java -cp 'lib/*' com.microsoft.playwright.CLI install chromium), or point " + ENV_EXECUTABLE + " at a Chromium or Chrome executable");
    }

    private static boolean playwrightManagedChromiumInstalled(Map<String, String> env) {
        String custom = env.get("PLAYWRIGHT_BROWSERS_PATH");
        Path cache = custom != null && !custom.isBlank() && !custom.equals("0")
                ? Path.of(custom)
                : Path.of(System.getProperty("user.home"), ".cache", "ms-playwright");
        if (!Files.isDirectory(cache)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("chromium")
                    && Files.isDirectory(p));
        } catch (IOException e) {
            return false;
        }
    }
}
