package org.clausecam.extract;

/** The filter runner available where the parity check and benchmark run. */
final class FilterRunners {
    private FilterRunners() {
    }

    static FilterRunner fromEnvironment() {
        return null;
    }
}
