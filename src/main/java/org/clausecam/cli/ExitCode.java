package org.clausecam.cli;

import org.clausecam.store.StoreUnavailableException;
import org.clausecam.track.FailureClass;
import org.clausecam.track.RunSummary;
import org.clausecam.track.TermsOutcome;

/**
 * What {@code clausecam} exits with, for a scheduler to act on. When several apply, the highest
 * wins: interrupted (4) over store unavailable (3) over bad input (2) over page failures (1).
 */
enum ExitCode {
    /** Everything asked for was done. */
    OK(0),
    /** Some terms failed for page reasons: fetch, extraction, blocked, browser, suspicious version. */
    PAGE_FAILURES(1),
    /** Bad usage, input or declarations (in a track run: after the other terms were tracked). */
    BAD_INPUT(2),
    /** The store is unavailable: it cannot be opened or written, nothing more could be kept. */
    STORE_UNAVAILABLE(3),
    /** Stopped by SIGTERM or SIGINT; what was done is stored, a re-run completes the rest. */
    INTERRUPTED(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The higher of the two. */
    ExitCode worst(ExitCode other) {
        return other.code > code ? other : this;
    }

    static ExitCode of(FailureClass failure) {
        return switch (failure) {
            case TRANSIENT, PERMANENT, BLOCKED, INACCESSIBLE_CONTENT, BROWSER, SUSPICIOUS_VERSION -> PAGE_FAILURES;
            case DECLARATION -> BAD_INPUT;
            case STORAGE -> STORE_UNAVAILABLE;
            case INTERRUPTED -> INTERRUPTED;
        };
    }

    /**
     * @param declarationProblems declarations that could not be read, reported before the run
     */
    static ExitCode of(RunSummary summary, int declarationProblems) {
        ExitCode exit = declarationProblems > 0 ? BAD_INPUT : OK;
        for (TermsOutcome failure : summary.failures()) exit = exit.worst(of(failure.failure()));
        return exit;
    }

    /** For an error that ended a command: the store down beats bad input, which beats any other failure. */
    static ExitCode of(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StoreUnavailableException) return STORE_UNAVAILABLE;
        }
        return error instanceof UsageException ? BAD_INPUT : PAGE_FAILURES;
    }
}
