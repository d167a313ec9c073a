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
        cli.getErr().println("clausecam: " + UserText.errorLine(ex));
        if (System.getenv("CLAUSECAM_DEBUG") != null) ex.printStackTrace(cli.getErr());
        return ExitCode.of(ex).code();
    }
}
