package org.clausecam.report;

import java.io.IOException;
import java.util.List;

/**
 * What a change page shows of two screenshots of one document: where they differ, crops of both
 * and of their visual difference around each changed band, and both as tiles. Everything is
 * made once; a later run finds it all in the report and reads nothing from the store.
 */
final class ChangePictures {

    /**
     * @param comparison the visual difference, or null when it could not be computed
     * @param before     crops of the older screenshot, one per band (null where it is shorter)
     * @param after      crops of the newer screenshot, one per band
     * @param difference crops of the difference picture, one per band
     */
    record Pictures(VisualDiffFiles.Comparison comparison, ChangedBands.Bands bands,
                    List<PreviewFiles.Picture> before, List<PreviewFiles.Picture> after, List<PreviewFiles.Picture> difference,
                    PreviewFiles.Tiles beforeTiles, PreviewFiles.Tiles afterTiles) {
    }

    private final EvidenceFiles evidence;
    private final PreviewFiles previews;
    private final VisualDiffFiles visualDiffs;

    ChangePictures(EvidenceFiles evidence, PreviewFiles previews, VisualDiffFiles visualDiffs) {
        this.evidence = evidence;
        this.previews = previews;
        this.visualDiffs = visualDiffs;
    }

    /** The pictures of two different screenshots, or null when one of them cannot be read. */
    Pictures of(String beforeSha, String afterSha, String beforeContext, String afterContext) throws IOException {
        String name = VisualDiffFiles.name(beforeSha, afterSha);
        VisualDiffFiles.Comparison comparison = visualDiffs.existing(beforeSha, afterSha);
        PreviewFiles.Tiles beforeTiles = previews.existingTiles(beforeSha);
        PreviewFiles.Tiles afterTiles = previews.existingTiles(afterSha);
        if (comparison != null && beforeTiles != null && afterTiles != null) {
            Pictures made = pictures(comparison, name, beforeSha, afterSha, beforeTiles, afterTiles);
            if (previews.allExist(made.before()) && previews.allExist(made.after()) && previews.allExist(made.difference())) {
                return made;
            }
        }
        try (EvidenceFiles.Local before = evidence.local(beforeSha, beforeContext);
             EvidenceFiles.Local after = evidence.local(afterSha, afterContext)) {
            if (before == null || after == null) return null;
            comparison = visualDiffs.compare(beforeSha, before.file(), afterSha, after.file(), afterContext);
            List<ChangedBands.Band> bands = comparison == null ? List.of()
                    : ChangedBands.of(comparison.regions(), comparison.height()).bands();
            beforeTiles = previews.make(before.file(), beforeSha, bands);
            afterTiles = comparison == null ? previews.make(after.file(), afterSha, bands)
                    : previews.make(after.file(), afterSha, bands, name, comparison.regions());
        }
        if (comparison == null) {
            return new Pictures(null, new ChangedBands.Bands(List.of(), 0), List.of(), List.of(), List.of(), beforeTiles, afterTiles);
        }
        return pictures(comparison, name, beforeSha, afterSha, beforeTiles, afterTiles);
    }

    private static Pictures pictures(VisualDiffFiles.Comparison comparison, String name, String beforeSha, String afterSha,
                                     PreviewFiles.Tiles beforeTiles, PreviewFiles.Tiles afterTiles) {
        ChangedBands.Bands bands = ChangedBands.of(comparison.regions(), comparison.height());
        return new Pictures(comparison, bands,
                PreviewFiles.crops(beforeSha, beforeTiles.width(), beforeTiles.height(), bands.bands()),
                PreviewFiles.crops(afterSha, afterTiles.width(), afterTiles.height(), bands.bands()),
                PreviewFiles.differenceCrops(name, afterTiles.width(), afterTiles.height(), bands.bands()),
                beforeTiles, afterTiles);
    }

    /** The tiles of one screenshot (a record page, or a change with one side missing), or null when it cannot be read. */
    PreviewFiles.Tiles tiles(String sha256, String context) throws IOException {
        PreviewFiles.Tiles tiles = previews.existingTiles(sha256);
        if (tiles != null) return tiles;
        try (EvidenceFiles.Local local = evidence.local(sha256, context)) {
            if (local == null) return null;
            return previews.make(local.file(), sha256, List.of());
        }
    }
}
