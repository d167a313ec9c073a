package org.clausecam.cli;

import org.clausecam.store.StoreException;
import org.clausecam.store.StoreUnavailableException;
import org.clausecam.store.TermsKey;
import org.clausecam.track.FailureClass;
import org.clausecam.track.RunSummary;
import org.clausecam.track.TermsOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which exit code a run or an error gives, and which wins when several apply. */
class ExitCodeTest {

    private static TermsOutcome failed(FailureClass failure) {
        return TermsOutcome.failed(new TermsKey("S", "Terms of Service"), failure, "why", Duration.ZERO);
    }

    private static ExitCode of(int declarationProblems, FailureClass... failures) {
        return ExitCode.of(new RunSummary(Arrays.stream(failures).map(ExitCodeTest::failed).toList(), Duration.ZERO), declarationProblems);
    }

    @ParameterizedTest
    @EnumSource(value = FailureClass.class, names = {"TRANSIENT", "PERMANENT", "BLOCKED", "INACCESSIBLE_CONTENT", "BROWSER",
            "SUSPICIOUS_VERSION"})
    void pageFailuresExitOne(FailureClass failure) {
        assertEquals(1, of(0, failure).code());
    }

    @Test
    void eachOtherClassHasItsOwnCode() {
        assertEquals(0, ExitCode.of(new RunSummary(List.of(), Duration.ZERO), 0).code());
        assertEquals(2, of(0, FailureClass.DECLARATION).code());
        assertEquals(2, of(1).code(), "a declaration that cannot be read");
        assertEquals(3, of(0, FailureClass.STORAGE).code());
        assertEquals(4, of(0, FailureClass.INTERRUPTED).code());
    }

    @Test
    void theHighestCodeWins() {
        assertEquals(2, of(1, FailureClass.PERMANENT).code());
        assertEquals(3, of(1, FailureClass.PERMANENT, FailureClass.STORAGE, FailureClass.DECLARATION).code());
        assertEquals(4, of(1, FailureClass.STORAGE, FailureClass.INTERRUPTED, FailureClass.BROWSER).code());
    }

    @Test
    void anErrorThatEndsACommandExitsByItsKind() {
        StoreUnavailableException down = new StoreUnavailableException("file:data: writing blobs/ab: disk full", new IOException("disk full"));
        assertEquals(3, ExitCode.of(down).code());
        assertEquals(3, ExitCode.of(new UsageException("cannot open the store: " + down.getMessage(), down)).code(),
                "a store that cannot be opened because it is down is not bad usage");
        assertEquals(2, ExitCode.of(new UsageException("cannot open the store: bad URI", new StoreException("bad URI"))).code());
        assertEquals(1, ExitCode.of(new IllegalStateException("a page that failed")).code());
    }
}
