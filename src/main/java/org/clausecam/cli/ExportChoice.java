package org.clausecam.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clausecam.declarations.IsoMoment;
import org.clausecam.export.ExportSelection;
import picocli.CommandLine.Option;

/** Which captures an export takes: {@code --services}, {@code --since}. */
final class ExportChoice {

    @Option(names = "--services", paramLabel = "SERVICE", split = ",",
            description = "Only these services (ids, comma-separated). Default: every service in the store.")
    List<String> services = new ArrayList<>();

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only captures fetched at or after DATE (ISO-8601: 2026-08-01 or 2026-08-01T10:30:00Z).")
    String since;

    ExportSelection selection() {
        Instant from = since == null ? null : IsoMoment.startOf(since).orElseThrow(() -> new UsageException(
                "--since must be ISO-8601 (2026-08-01 or 2026-08-01T10:30:00Z), not '" + since + "'"));
        return new ExportSelection(Set.copyOf(services), from);
    }
}
