package org.clausecam.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("unit")
class ConcurrencyOptionsTest {

    private static ConcurrencyOptions.Bounds parsed(String... args) {
        @CommandLine.Command
        class Holder {
            @CommandLine.Mixin
            ConcurrencyOptions options;
        }
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options.bounds();
    }

    @Test
    void byDefaultThreePagesAreInFlightWithTwiceAsManyWorkersToKeepThemFilled() {
        assertEquals(new ConcurrencyOptions.Bounds(6, 3, 3), parsed());
    }

    @Test
    void concurrencySetsPagesAndCapturesAndTwiceAsManyWorkers() {
        assertEquals(new ConcurrencyOptions.Bounds(4, 2, 2), parsed("--concurrency", "2"));
    }

    @Test
    void eachBoundGivenOnItsOwnWins() {
        assertEquals(new ConcurrencyOptions.Bounds(3, 2, 1),
                parsed("--concurrency", "2", "--workers", "3", "--max-browser-captures", "1"));
    }
}
