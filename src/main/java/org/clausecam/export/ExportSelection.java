package org.clausecam.export;

import java.time.Instant;
import java.util.Set;
import org.clausecam.store.CaptureRecord;

/**
 * Which captures an export takes.
 *
 * @param services service ids to take; empty for every service
 * @param since    captures fetched at or after this instant; null for all
 */
public record ExportSelection(Set<String> services, Instant since) {

    public ExportSelection {
        services = Set.copyOf(services);
    }

    public static ExportSelection everything() {
        return new ExportSelection(Set.of(), null);
    }

    boolean takesService(String service) {
        return services.isEmpty() || services.contains(service);
    }

    /** Page captures only: e-mail evidence is no web page to replay. */
    boolean takes(CaptureRecord record) {
        return CaptureRecord.KIND_CAPTURE.equals(record.kind()) && takesService(record.service())
                && (since == null || !record.fetchDate().isBefore(since));
    }
}
