package org.clausecam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class ChromiumLocatorTest {

    @TempDir
    Path dir;

    @Test
    void anExecutableNamedByTheEnvironmentComesFirst() throws Exception {
        Path chrome = Files.createFile(dir.resolve("my-chrome"));
        chrome.toFile().setExecutable(true);

        ChromiumLocator.Located located = ChromiumLocator.locate(Map.of("CLAUSECAM_CHROMIUM", chrome.toString()),
                List.of("/usr/bin/chromium"));

        assertEquals(Optional.of(chrome), located.executable());
    }

    @Test
    void anEnvironmentVariableNamingNoExecutableIsAnError() {
        CaptureException e = assertThrows(CaptureException.class, () -> ChromiumLocator.locate(
                Map.of("CLAUSECAM_CHROMIUM", dir.resolve("missing").toString()), List.of()));

        assertTrue(e.getMessage().contains("CLAUSECAM_CHROMIUM"), e.getMessage());
    }

    @Test
    void thenTheSystemChromium() throws Exception {
        Path system = Files.createFile(dir.resolve("chromium"));
        system.toFile().setExecutable(true);

        ChromiumLocator.Located located = ChromiumLocator.locate(Map.of(), List.of(dir.resolve("absent").toString(), system.toString()));

        assertEquals(Optional.of(system), located.executable());
    }

    @Test
    void thenTheBrowserPlaywrightInstalled() throws Exception {
        Files.createDirectories(dir.resolve("chromium-1200"));

        ChromiumLocator.Located located = ChromiumLocator.locate(Map.of("PLAYWRIGHT_BROWSERS_PATH", dir.toString()), List.of());

        assertEquals(Optional.empty(), located.executable());
    }

    @Test
    void withoutAnyTheErrorSaysWhatToInstall() {
        CaptureException e = assertThrows(CaptureException.class,
                () -> ChromiumLocator.locate(Map.of("PLAYWRIGHT_BROWSERS_PATH", dir.toString()), List.of()));

        assertTrue(e.getMessage().contains("apt-get install chromium"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/install-browser"), e.getMessage());
        assertTrue(e.getMessage().contains("CLAUSECAM_CHROMIUM"), e.getMessage());
    }
}
