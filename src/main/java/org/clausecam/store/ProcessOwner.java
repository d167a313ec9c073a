package org.clausecam.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this process runs as, for advice such as "chown 10001 DIR". */
final class ProcessOwner {

    private ProcessOwner() {
    }

    /** The numeric user id on Linux (the owner of /proc/self), else the user name. */
    static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noProcFileSystem) {
            return System.getProperty("user.name", "?");
        }
    }
}
