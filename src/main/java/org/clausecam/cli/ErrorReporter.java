package org.clausecam.cli;

import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into one clear line on stderr, with its causes,
 * and its exit code: 3 when the store is unavailable, 2 for bad input, else 1 ({@link ExitCode#of(Throwable)}).
 * Stack traces are for developers: set CLAUSECAM_DEBUG=1.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        StringBuilder line = new StringBuilder("clausecam: ").append(ex.getMessage() != null ? ex.getMessage() : ex.toString());
        for (Throwable c = ex.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !line.toString().contains(c.getMessage())) line.append(": ").append(c.getMessage());
        }
        cli.getErr().println(line);
        if (System.getenv("CLAUSECAM_DEBUG") != null) ex.printStackTrace(cli.getErr());
        return ExitCode.of(ex).code();
    }
}
