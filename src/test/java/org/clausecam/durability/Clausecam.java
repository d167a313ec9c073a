package org.clausecam.durability;

import org.clausecam.cli.Main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real {@code clausecam} CLI, run in this JVM (output captured) or as a process of its own (to be killed). */
final class Clausecam {

    private Clausecam() {
    }

    /**
     * Starts the CLI as its own JVM, on this JVM's class path, stdout and stderr merged. The
     * environment is this one's plus {@code env} (e.g. the AWS settings of a test S3 server).
     */
    static Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        pb.environment().putAll(env);
        return pb.start();
    }
}
