package org.clausecam.capture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("unit")
class PlaywrightDriverCacheTest {

    @TempDir
    Path cache;

    private final AtomicInteger unpacks = new AtomicInteger();

    /** Writes what a driver folder holds, as the bundle would, counting the times it is asked. */
    private void fakeDriver(Path folder) throws java.io.IOException {
        unpacks.incrementAndGet();
        Files.createDirectories(folder.resolve("package"));
        Files.writeString(folder.resolve("package").resolve("cli.js"), "// cli");
        Files.writeString(folder.resolve("node"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(folder.resolve("node"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theDriverIsUnpackedOnceAndAFolderThatIsCompleteIsUsedAsItIs() throws Exception {
        Path folder = cache.resolve("playwright-driver-test");
        PlaywrightDriverCache.ensureUnpacked(folder, this::fakeDriver);
        PlaywrightDriverCache.ensureUnpacked(folder, this::fakeDriver);

        assertTrue(PlaywrightDriverCache.complete(folder));
        assertEquals(1, unpacks.get(), "a complete cache is not unpacked again");
        assertEquals(List.of(folder), childrenOf(cache), "no temporary folder is left beside the cache");
    }

    @Test
    void aFolderLeftHalfWrittenIsUnpackedAgain() throws Exception {
        Path folder = cache.resolve("playwright-driver-test");
        Files.createDirectories(folder.resolve("package"));
        Files.writeString(folder.resolve("package").resolve("half-written.js"), "");

        PlaywrightDriverCache.ensureUnpacked(folder, this::fakeDriver);

        assertTrue(PlaywrightDriverCache.complete(folder));
        assertFalse(Files.exists(folder.resolve("package").resolve("half-written.js")));
        assertEquals(List.of(folder), childrenOf(cache));
    }

    @Test
    void anUnpackingCutShortLeavesNoFolderThatLooksUsable() throws Exception {
        Path folder = cache.resolve("playwright-driver-test");
        try {
            PlaywrightDriverCache.ensureUnpacked(folder, dir -> {
                Files.writeString(dir.resolve("node"), "");
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.IOException expected) {
            // the run that failed says so; what matters is what it left
        }
        assertFalse(Files.exists(folder));
        assertEquals(List.of(), childrenOf(cache));
    }

    @Test
    void startsThatUnpackAtTheSameMomentAllEndWithOneCompleteDriver() throws Exception {
        Path folder = cache.resolve("playwright-driver-test");
        CyclicBarrier allUnpacked = new CyclicBarrier(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<Void> start = () -> {
                PlaywrightDriverCache.ensureUnpacked(folder, dir -> {
                    fakeDriver(dir);
                    try {
                        allUnpacked.await(10, TimeUnit.SECONDS); // every one renames after all have unpacked
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                return null;
            };
            for (Future<Void> f : pool.invokeAll(List.of(start, start, start))) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, unpacks.get());
        assertTrue(PlaywrightDriverCache.complete(folder));
        assertEquals(List.of(folder), childrenOf(cache), "the losers' copies are removed");
    }

    @Test
    void theCacheFolderFollowsTheUsersCacheHomeUnlessOneIsChosen() {
        assertEquals(Path.of("/chosen"), PlaywrightDriverCache.cacheRoot(Map.of("CLAUSECAM_DRIVER_CACHE", "/chosen", "XDG_CACHE_HOME", "/x")));
        assertEquals(Path.of("/x", "clausecam"), PlaywrightDriverCache.cacheRoot(Map.of("XDG_CACHE_HOME", "/x")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "clausecam"), PlaywrightDriverCache.cacheRoot(Map.of()));
    }

    private static List<Path> childrenOf(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
