package org.clausecam.export;

import org.clausecam.store.CaptureRecord;

/**
 * What a record did to its terms' version, as downstream archives name it: Open Terms Archive's
 * three commit kinds, and the records that change nothing there.
 */
public enum ChangeKind {
    /** The first capture of the terms ("First record of …"). */
    FIRST_RECORD,
    /** The terms' text changed ("Record new changes of …"). */
    CHANGED,
    /** The text changed because of the agent or the declaration, not the terms ("Apply technical or declaration upgrade on …"). */
    TECHNICAL,
    /** Same version as the previous capture. */
    UNCHANGED,
    /** E-mail evidence: part of the hash chain, never a version of the terms. */
    EMAIL;

    /**
     * The kind of a record.
     *
     * @param earlierCapture whether the terms has a page capture recorded before this one (e-mail
     *                       evidence does not count: it is never the version a capture is compared with)
     */
    public static ChangeKind of(CaptureRecord record, boolean earlierCapture) {
        if (CaptureRecord.KIND_EMAIL.equals(record.kind())) return EMAIL;
        if (!earlierCapture) return FIRST_RECORD;
        // A technical change is recorded as not changed: its new version is not a change of the terms.
        if (record.technical()) return TECHNICAL;
        return record.changed() ? CHANGED : UNCHANGED;
    }

    /** A change of the terms' text, the only kind a change feed or a webhook announces. */
    public boolean changesTerms() {
        return this == CHANGED;
    }
}
