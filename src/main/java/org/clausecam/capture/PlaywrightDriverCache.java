package org.clausecam.capture;

import com.microsoft.playwright.impl.driver.Driver;
import com.microsoft.playwright.impl.driver.jar.DriverJar;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Playwright's driver (Node.js and the Playwright package, 134 MB) unpacked once per version
 * into a cache folder, instead of into a new {@code /tmp/playwright-java-*} by every process
 * (which costs seconds per start, and which a killed process leaves behind).
 *
 * <p>The folder is {@code $CLAUSECAM_DRIVER_CACHE}, else {@code $XDG_CACHE_HOME/clausecam},
 * else {@code ~/.cache/clausecam}; inside it, {@code playwright-driver-VERSION-OS-ARCH}. It is
 * unpacked into a temporary sibling, marked complete, then renamed into place in one step, so a
 * run killed while unpacking leaves no folder that looks usable, and two processes starting at
 * once each unpack and the second rename loses harmlessly. A folder under the final name that
 * lacks its mark, its Node.js or its {@code cli.js} is broken: it is moved aside and unpacked
 * again.
 *
 * <p>Nothing happens when a driver folder is already named ({@code -Dplaywright.cli.dir} or
 * {@code PLAYWRIGHT_DRIVER_DIR}, as the container image does) or when the driver bundle is not on
 * the class path; Playwright then finds its driver as it always did.
 *
 * <p>It relies on two parts of Playwright for Java that are public but not documented:
 * {@code DriverJar.installDriverTo} (the unpacking Playwright itself does) and the
 * {@code playwright.cli.dir} property read by {@code Driver.newInstance}; a Playwright upgrade
 * must keep them ({@code PlaywrightDriverCacheTest} and every browser test would fail otherwise).
 */
final class PlaywrightDriverCache {

    static final String CLI_DIR_PROPERTY = "playwright.cli.dir";
    private static final String COMPLETE_MARK = ".clausecam-complete";

    /** Writes a driver (an executable {@code node}, {@code package/cli.js}…) into an empty folder. */
    @FunctionalInterface
    interface Unpacker {
        void unpackInto(Path folder) throws IOException, URISyntaxException;
    }

    /**
     * Playwright's own unpacking of the bundle on the class path. Serialized within the JVM: it
     * reads the jar through a zip file system that one caller's close pulls from under another.
     */
    static final Unpacker PLAYWRIGHT_BUNDLE = folder -> {
        synchronized (PlaywrightDriverCache.class) {
            DriverJar.installDriverTo(folder);
        }
    };

    private PlaywrightDriverCache() {
    }

    /**
     * Makes sure Playwright will find an unpacked driver: an existing cache, or one unpacked now.
     *
     * @return the folder now named by {@code playwright.cli.dir}, empty when Playwright is left to
     *         find its driver itself (one is named already, or there is no bundle to unpack)
     * @throws CaptureException when the cache cannot be made (a read-only home, a full disk); the
     *                          message names the folder and how to choose another
     */
    static Optional<Path> prepare(Map<String, String> env) throws CaptureException {
        if (System.getProperty(CLI_DIR_PROPERTY) != null || notBlank(env.get(Driver.PLAYWRIGHT_DRIVER_DIR))) {
            return Optional.empty();
        }
        String version = Driver.class.getPackage().getImplementationVersion();
        if (version == null || DriverJar.class.getClassLoader().getResource("driver/package") == null) {
            return Optional.empty();
        }
        Path root = cacheRoot(env);
        Path folder = root.resolve("playwright-driver-" + version + "-" + platform());
        try {
            ensureUnpacked(folder, PLAYWRIGHT_BUNDLE);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new CaptureException("cannot unpack Playwright's driver " + version + " into " + folder + ": "
                    + e.getMessage() + " (set CLAUSECAM_DRIVER_CACHE to a writable folder)", e);
        }
        System.setProperty(CLI_DIR_PROPERTY, folder.toString());
        return Optional.of(folder);
    }

    static Path cacheRoot(Map<String, String> env) {
        if (notBlank(env.get("CLAUSECAM_DRIVER_CACHE"))) {
            return Path.of(env.get("CLAUSECAM_DRIVER_CACHE"));
        }
        if (notBlank(env.get("XDG_CACHE_HOME"))) {
            return Path.of(env.get("XDG_CACHE_HOME"), "clausecam");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "clausecam");
    }

    /** Unpacks the driver into {@code folder} unless a complete one is there; safe against concurrent callers. */
    static void ensureUnpacked(Path folder, Unpacker unpacker) throws IOException, URISyntaxException {
        if (complete(folder)) {
            return;
        }
        Path root = folder.getParent();
        Files.createDirectories(root);
        if (Files.exists(folder)) {
            // A folder under the final name without its mark was not made by us, or was damaged since.
            Path aside = Files.createTempDirectory(root, ".broken-" + folder.getFileName() + "-");
            Files.move(folder, aside.resolve("driver"), StandardCopyOption.ATOMIC_MOVE);
            deleteTree(aside);
        }
        Path unpacking = Files.createTempDirectory(root, ".unpacking-" + folder.getFileName() + "-");
        try {
            unpacker.unpackInto(unpacking);
            Files.writeString(unpacking.resolve(COMPLETE_MARK), folder.getFileName() + "\n");
            try {
                Files.move(unpacking, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Linux reports a rename onto a folder another process renamed into place first as
                // a plain FileSystemException ("Directory not empty"): whichever copy is there wins if whole.
                if (!complete(folder)) {
                    throw e;
                }
            }
        } finally {
            if (Files.exists(unpacking)) {
                deleteTree(unpacking);
            }
        }
    }

    static boolean complete(Path folder) {
        return Files.isRegularFile(folder.resolve(COMPLETE_MARK))
                && (Files.isExecutable(folder.resolve("node")) || Files.isRegularFile(folder.resolve("node.exe")))
                && Files.isRegularFile(folder.resolve("package").resolve("cli.js"));
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "");
        return os + "-" + arch;
    }

    private static void deleteTree(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
