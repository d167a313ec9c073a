package org.clausecam.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commit messages as Open Terms Archive's engine writes them ({@code dataMapper.js} and
 * {@code trailers.js}), in the form git keeps after its whitespace clean-up (the engine's empty
 * document-id paragraph collapses): subject, optional {@code Document ID} paragraph, for versions
 * the snapshot references, then the trailers.
 *
 * <p>Two trailers are Clausecam's own: {@code X-engine-version} names Clausecam and its version
 * (the engine that recorded), and {@code X-clausecam-record} the record's hash, which is how a
 * later export knows what is already there. Open Terms Archive reads unknown trailers as metadata.
 */
final class OtaMessages {

    static final String RECORD_TRAILER = "X-clausecam-record";
    static final String SNAPSHOT_ID_MARKER = "%SNAPSHOT_ID";

    private OtaMessages() {
    }

    static String subject(ChangeKind kind, String service, String termsType) {
        String prefix = switch (kind) {
            case FIRST_RECORD -> "First record of";
            case TECHNICAL -> "Apply technical or declaration upgrade on";
            case CHANGED, UNCHANGED -> "Record new changes of";
            case EMAIL -> throw new IllegalArgumentException("e-mail evidence is not exported to Open Terms Archive repositories");
        };
        return prefix + " " + service + " " + termsType;
    }

    static String snapshot(ChangeKind kind, String service, String termsType, String documentId, String engineVersion,
                           String fetcher, String location, String recordHash) {
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put("X-engine-version", engineVersion);
        trailers.put("X-fetcher", fetcher);
        trailers.put("X-source-document-location", location);
        trailers.put(RECORD_TRAILER, recordHash);
        StringBuilder message = new StringBuilder(subject(kind, service, termsType)).append("\n\n");
        if (documentId != null) message.append("Document ID ").append(documentId).append("\n\n");
        return message.append(trailerLines(trailers)).toString();
    }

    /** @param snapshotIds the snapshot commits the version was extracted from, in source-document order */
    static String version(ChangeKind kind, String service, String termsType, List<String> snapshotIds, String template,
                          String engineVersion, String recordHash) {
        StringBuilder message = new StringBuilder(subject(kind, service, termsType)).append("\n\n");
        if (snapshotIds.size() == 1) {
            message.append("This version was recorded after extracting from snapshot ")
                    .append(template.replace(SNAPSHOT_ID_MARKER, snapshotIds.get(0))).append("\n\n");
        } else if (snapshotIds.size() > 1) {
            message.append("This version was recorded after extracting from and assembling the following snapshots from ")
                    .append(snapshotIds.size()).append(" source documents:");
            for (String id : snapshotIds) message.append("\n- ").append(template.replace(SNAPSHOT_ID_MARKER, id));
            message.append("\n\n");
        }
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put("X-engine-version", engineVersion);
        trailers.put(RECORD_TRAILER, recordHash);
        return message.append(trailerLines(trailers)).toString();
    }

    /** As the engine's {@code formatTrailers}: key capitalised then lower-cased, empty values left out. */
    private static String trailerLines(Map<String, String> trailers) {
        StringBuilder lines = new StringBuilder();
        trailers.forEach((key, value) -> {
            if (value == null || value.isEmpty()) return;
            String lower = key.toLowerCase(java.util.Locale.ROOT);
            lines.append(Character.toUpperCase(lower.charAt(0))).append(lower.substring(1)).append(": ")
                    .append(value.replace('\n', ' ')).append('\n');
        });
        return lines.toString();
    }
}
