package org.clausecam.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How fast a run finishes terms, from its most recent completions across all workers: a rolling
 * window, so that an ETA follows a run that speeds up (warm browser) or slows down (a slow host)
 * instead of averaging over the whole run. Not thread-safe: its caller serialises completions.
 */
final class CompletionRate {

    private final int window;
    /** The run's start, then completion times, oldest first; at most {@code window + 1}. */
    private final Deque<Instant> marks = new ArrayDeque<>();

    /**
     * @param start  when the run started: the first completion's rate is measured from it
     * @param window how many recent completions the rate is taken over, at least 1
     */
    CompletionRate(Instant start, int window) {
        if (window < 1) throw new IllegalArgumentException("window must be at least 1, got " + window);
        this.window = window;
        marks.add(start);
    }

    void completed(Instant at) {
        marks.addLast(at);
        while (marks.size() > window + 1) marks.removeFirst();
    }

    /** Terms finished per minute over the window; empty before the first completion or when no time passed. */
    OptionalDouble perMinute() {
        long millis = Duration.between(marks.getFirst(), marks.getLast()).toMillis();
        if (marks.size() < 2 || millis <= 0) return OptionalDouble.empty();
        return OptionalDouble.of((marks.size() - 1) * 60_000.0 / millis);
    }

    /** How long {@code left} more terms take at the current rate; empty while the rate is unknown. */
    Optional<Duration> remaining(int left) {
        OptionalDouble rate = perMinute();
        if (rate.isEmpty()) return Optional.empty();
        return Optional.of(Duration.ofMillis(Math.round(left * 60_000.0 / rate.getAsDouble())));
    }

    /** A rate as people read it: {@code 3.1/min}, one decimal below 100, none above ({@code 240/min}). */
    static String rateText(double perMinute) {
        return perMinute < 99.95 ? String.format(Locale.ROOT, "%.1f/min", perMinute)
                : String.format(Locale.ROOT, "%.0f/min", perMinute);
    }

    /**
     * A remaining time as people read it, no more precise than an estimate is: seconds under a
     * minute ({@code 45 s}), whole minutes under an hour ({@code 12 min}), then hours and minutes
     * ({@code 1 h 10 min}, {@code 2 h}), each rounded to the nearest unit it shows.
     */
    static String etaText(Duration remaining) {
        long seconds = Math.round(Math.max(0, remaining.toMillis()) / 1000.0);
        if (seconds < 60) return seconds + " s";
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) return minutes + " min";
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
