package org.clausecam.cli;

import org.clausecam.store.StoreUnavailableException;
import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into one clear line on stderr, with its causes,
 * and exit code 1 (2 for bad input, 3 when the store is unavailable). Stack traces are for
 * developers: set CLAUSECAM_DEBUG=1.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println("clausecam: " + UserText.errorLine(ex));
        if (System.getenv("CLAUSECAM_DEBUG") != null) ex.printStackTrace(cli.getErr());
        if (ex instanceof StoreUnavailableException) return 3;
        return ex instanceof UsageException ? 2 : 1;
    }
}
