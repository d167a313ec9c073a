package org.clausecam.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clausecam.diff.RegionOverlay;
import org.clausecam.png.PngStreamReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Previews of screenshots (small PNGs, see {@link ScreenshotSlices}): the full screenshot as grey
 * tiles ({@code tiles/<sha256>-<n>.png}, {@link #TILE_ROWS} rows of the screenshot each, at half
 * its width, loaded lazily by the pages) and crops around changed regions
 * ({@code crops/<name>-<top>-<bottom>.png}: the screenshots in grey, large enough to read, their
 * difference in colour to show its red marks). Names derive from what they show,
 * so a preview is made once and never rewritten; {@code tiles/<sha256>.json} keeps the
 * screenshot's size, so that a later run lays pages out without reading the screenshot again.
 */
final class PreviewFiles {

    static final String TILES = "tiles/";
    static final String CROPS = "crops/";
    static final int TILE_ROWS = 2_000;
    /** Half of Chromium's usual 1280: whole factors keep text crisp and the PNG small. */
    static final int TILE_WIDTH = 640;
    static final int CROP_WIDTH = 960;
    static final int DIFFERENCE_CROP_WIDTH = 640;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A preview picture: its path relative to the report root and its size in pixels. */
    record Picture(String file, int width, int height) {
    }

    /** A screenshot's size and its tiles, top to bottom. */
    record Tiles(int width, int height, List<Picture> tiles) {
    }

    private final SiteFiles files;
    private int written;

    PreviewFiles(SiteFiles files) {
        this.files = files;
    }

    /** The tiles of a screenshot made by an earlier run, or null. */
    Tiles existingTiles(String sha256) {
        Path sizes = files.resolve(TILES + sha256 + ".json");
        if (!Files.isRegularFile(sizes)) return null;
        try {
            JsonNode node = JSON.readTree(sizes.toFile());
            int width = node.path("width").asInt();
            int height = node.path("height").asInt();
            if (width < 1 || height < 1) return null;
            Tiles tiles = tiles(sha256, width, height);
            for (Picture tile : tiles.tiles()) if (!files.exists(tile.file())) return null;
            return tiles;
        } catch (IOException unreadable) {
            // Only a cache: the tiles are made again.
            return null;
        }
    }

    static Tiles tiles(String sha256, int width, int height) {
        List<Picture> tiles = new ArrayList<>();
        for (int n = 0, top = 0; top < height; n++, top += TILE_ROWS) {
            int bottom = Math.min(height, top + TILE_ROWS);
            tiles.add(new Picture(TILES + sha256 + "-" + (n + 1) + ".png", scaledWidth(width, TILE_WIDTH),
                    scaledHeight(width, bottom - top, TILE_WIDTH)));
        }
        return new Tiles(width, height, tiles);
    }

    /**
     * The crops of {@code bands} from a picture of {@code width} × {@code height} named by
     * {@code name}, one per band: null where the band starts below the picture.
     */
    static List<Picture> crops(String name, int width, int height, List<ChangedBands.Band> bands) {
        return crops(name, width, height, bands, CROP_WIDTH);
    }

    static List<Picture> differenceCrops(String name, int width, int height, List<ChangedBands.Band> bands) {
        return crops(name, width, height, bands, DIFFERENCE_CROP_WIDTH);
    }

    private static List<Picture> crops(String name, int width, int height, List<ChangedBands.Band> bands, int cropWidth) {
        List<Picture> crops = new ArrayList<>();
        for (ChangedBands.Band band : bands) {
            int bottom = Math.min(height, band.bottom());
            crops.add(band.top() >= bottom ? null : new Picture(CROPS + name + "-" + band.top() + "-" + bottom + ".png",
                    scaledWidth(width, cropWidth), scaledHeight(width, bottom - band.top(), cropWidth)));
        }
        return crops;
    }

    boolean allExist(List<Picture> pictures) {
        for (Picture p : pictures) if (p != null && !files.exists(p.file())) return false;
        return true;
    }

    /**
     * Makes, in one pass over a screenshot, its tiles and the crops of {@code bands} that are
     * not in the report yet.
     */
    Tiles make(Path png, String sha256, List<ChangedBands.Band> bands) throws IOException {
        return make(png, sha256, bands, null, null);
    }

    /**
     * Makes, in one pass over the newer screenshot of a change, its tiles, its crops, and the
     * crops of the visual difference: the same rows with the changed regions painted over them,
     * in colour, named {@code differenceName}. The difference picture is never drawn whole.
     */
    Tiles make(Path png, String sha256, List<ChangedBands.Band> bands, String differenceName, List<java.awt.Rectangle> regions)
            throws IOException {
        int width;
        int height;
        try (PngStreamReader header = PngStreamReader.open(png)) {
            width = header.width();
            height = header.height();
        }
        List<ScreenshotSlices.Slice> slices = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        Tiles tiles = tiles(sha256, width, height);
        if (tiles != null) {
            for (int n = 0; n < tiles.tiles().size(); n++) {
                String file = tiles.tiles().get(n).file();
                if (files.exists(file)) continue;
                int top = n * TILE_ROWS;
                slices.add(new ScreenshotSlices.Slice(top, Math.min(height, top + TILE_ROWS), TILE_WIDTH, false, files.temporaryFor(file)));
                targets.add(file);
            }
        }
        List<Picture> crops = crops(sha256, width, height, bands, CROP_WIDTH);
        List<Picture> differences = differenceName == null ? null : crops(differenceName, width, height, bands, DIFFERENCE_CROP_WIDTH);
        for (int i = 0; i < bands.size(); i++) {
            ChangedBands.Band band = bands.get(i);
            Picture crop = crops.get(i);
            if (crop != null && !files.exists(crop.file())) {
                slices.add(new ScreenshotSlices.Slice(band.top(), Math.min(height, band.bottom()), CROP_WIDTH, false,
                        files.temporaryFor(crop.file())));
                targets.add(crop.file());
            }
            Picture difference = differences == null ? null : differences.get(i);
            if (difference != null && !files.exists(difference.file())) {
                slices.add(new ScreenshotSlices.Slice(band.top(), Math.min(height, band.bottom()), DIFFERENCE_CROP_WIDTH, true,
                        new RegionOverlay(regions), files.temporaryFor(difference.file())));
                targets.add(difference.file());
            }
        }
        try {
            if (!slices.isEmpty()) {
                Set<Path> made = new HashSet<>();
                for (ScreenshotSlices.Slice slice : ScreenshotSlices.write(Files.newInputStream(png), png.toString(), slices)) {
                    made.add(slice.file());
                }
                for (int i = 0; i < slices.size(); i++) {
                    if (made.contains(slices.get(i).file())) {
                        files.moveIntoPlace(slices.get(i).file(), targets.get(i));
                        written++;
                    }
                }
            }
            files.writeText(TILES + sha256 + ".json", "{\"width\":" + width + ",\"height\":" + height + "}\n");
        } finally {
            for (ScreenshotSlices.Slice slice : slices) Files.deleteIfExists(slice.file());
        }
        return tiles;
    }

    static int scaledWidth(int width, int target) {
        return Math.min(width, target);
    }

    static int scaledHeight(int width, int rows, int target) {
        int w = scaledWidth(width, target);
        return Math.max(1, (int) Math.round((double) rows * w / width));
    }

    int written() {
        return written;
    }
}
