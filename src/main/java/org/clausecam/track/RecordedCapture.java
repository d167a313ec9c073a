package org.clausecam.track;

import org.clausecam.store.StoredRecord;

import java.util.List;

/**
 * A capture as recorded, and what recording it had to settle for (the previous version could not be
 * read, so the shrink check was skipped), one line each, for the run's summary.
 */
public record RecordedCapture(StoredRecord stored, List<String> notes) {

    public RecordedCapture {
        notes = List.copyOf(notes);
    }
}
