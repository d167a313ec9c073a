package org.clausecam.cli;

import org.clausecam.store.TermsKey;
import org.clausecam.track.TermsOutcome;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text a run prints per terms: {@code [n/N] Service / Terms type: status in 2.3 s}, its notes
 * indented below. Live (on a terminal, or with {@code --progress}), each line also gives the rate
 * and the ETA, and a status line below them, redrawn in place with a carriage return, names the
 * terms in flight. Otherwise the lines hold no control character at all, so that logs stay
 * greppable. Not thread-safe: {@link RunReport} serialises the calls.
 */
final class ProgressLines {

    /** Redrawn lines are cut to fit the narrowest usual terminal: a wrapped line cannot be taken back by a carriage return. */
    private static final int LIVE_WIDTH = 79;
    private static final int RATE_WINDOW = 20;

    private final PrintStream out;
    private final boolean live;
    private final Clock clock;
    private final Set<TermsKey> inFlight = new LinkedHashSet<>();
    private CompletionRate rate;
    private int total;
    private int done;
    /** Width of the status line on screen now, 0 when none is shown. */
    private int shown;

    ProgressLines(PrintStream out, boolean live, Clock clock) {
        this.out = out;
        this.live = live;
        this.clock = clock;
    }

    void runStarted(int termsCount) {
        total = termsCount;
        rate = new CompletionRate(clock.instant(), RATE_WINDOW);
    }

    void termsStarted(TermsKey terms) {
        inFlight.add(terms);
        redraw();
    }

    void termsFinished(TermsOutcome o) {
        inFlight.remove(o.terms());
        done++;
        if (rate == null) rate = new CompletionRate(clock.instant(), RATE_WINDOW);
        rate.completed(clock.instant());
        erase();
        out.println("[" + done + "/" + Math.max(total, done) + "] " + label(o.terms()) + ": " + status(o)
                + String.format(Locale.ROOT, " in %.1f s", o.took().toMillis() / 1000.0) + (live ? pace() : ""));
        for (String note : o.notes()) out.println("    note: " + UserText.printable(note));
        redraw();
    }

    /** Takes the status line off the screen, before the summary or any other line. */
    void erase() {
        if (shown == 0) return;
        out.print("\r" + " ".repeat(shown) + "\r");
        shown = 0;
        out.flush();
    }

    /** first record, changed, unchanged, technical, or {@code failed: class: reason}. */
    static String status(TermsOutcome o) {
        if (o.status() == TermsOutcome.Status.FAILED) {
            return "failed: " + o.failure().label() + ": " + UserText.printable(o.reason());
        }
        if (o.technical()) return "technical";
        return o.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code  · 3.1/min · ETA 1 h 10 min}, or less while the rate is unknown, and no ETA once all is done. */
    private String pace() {
        if (rate == null) return "";
        var perMinute = rate.perMinute();
        if (perMinute.isEmpty()) return "";
        String eta = done >= total ? "" : rate.remaining(total - done).map(r -> " · ETA " + CompletionRate.etaText(r)).orElse("");
        return " · " + CompletionRate.rateText(perMinute.getAsDouble()) + eta;
    }

    private void redraw() {
        if (!live) return;
        erase();
        if (inFlight.isEmpty()) return;
        String names = inFlight.stream().map(ProgressLines::label).collect(Collectors.joining(", "));
        String pace = pace();
        String line = "[" + done + "/" + total + "]" + (pace.isEmpty() ? " capturing " : pace + " · capturing ") + names;
        if (line.length() > LIVE_WIDTH) line = line.substring(0, LIVE_WIDTH - 1) + "…";
        out.print(line);
        out.flush();
        shown = line.length();
    }

    private static String label(TermsKey k) {
        return UserText.printable(k.service() + " / " + k.termsType());
    }
}
