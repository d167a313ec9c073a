package org.clausecam.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The real {@code clausecam} CLI run in this JVM, with what it prints on stdout and stderr. */
public record CliRun(int exit, String output) {

    /** Runs the CLI in this JVM, capturing stdout and stderr (runs are serialised: the streams are global). */
    public static synchronized CliRun run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int exit = Main.run(args);
            return new CliRun(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
