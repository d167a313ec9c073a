package org.clausecam.declarations;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Node.js, for the tests that import a declaration's filters as Open Terms Archive does. */
final class NodeJs {

    private NodeJs() {
    }

    /** The {@code node} executable on the PATH; the test is skipped, saying so, when there is none. */
    static String executable() {
        Optional<Path> node = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "node"))
                .filter(Files::isExecutable)
                .findFirst();
        Assumptions.assumeTrue(node.isPresent(), "node is not on the PATH");
        return node.get().toString();
    }
}
