package org.clausecam.diff;

/**
 * Whether two pixels differ visibly, and whether a difference is only anti-aliasing.
 *
 * <p>Colour distance is measured in the YIQ space with the weights of Kotsarenko and Ramos
 * ("Measuring perceived color difference using YIQ NTSC transmission color space", 2010),
 * the metric pixelmatch also uses, so thresholds mean the same as there: 0.1 by default.
 *
 * <p>The anti-aliasing test follows the idea of pixelmatch (after Vysniauskas, "Anti-aliased
 * pixel and intensity slope detector", 2009): a pixel that is a blend between a darker and a
 * brighter neighbour, has few neighbours of its own brightness, and sits next to a flat area
 * that is flat in both pictures, is an edge that the renderer smoothed differently.
 */
final class PixelDifference {

    /** Largest possible YIQ distance, between black and white. */
    private static final double MAX_DISTANCE = 35215;

    private final double maxDistance;

    /** @param threshold 0..1; the share of the largest colour distance still seen as equal, squared as in pixelmatch */
    PixelDifference(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("colour threshold must be within 0..1, was " + threshold);
        }
        this.maxDistance = MAX_DISTANCE * threshold * threshold;
    }

    boolean visible(int a, int b) {
        return distance(a, b) > maxDistance;
    }

    static double distance(int a, int b) {
        int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        double y = dr * 0.29889531 + dg * 0.58662247 + db * 0.11448223;
        double i = dr * 0.59597799 - dg * 0.27417610 - db * 0.32180189;
        double q = dr * 0.21147017 - dg * 0.52261711 + db * 0.31114694;
        return 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q;
    }

    /** True when the difference at column {@code x} of the windows' centre rows is anti-aliasing. */
    static boolean antiAliased(RowWindow older, RowWindow newer, int x) {
        return blendedEdge(older, newer, x) || blendedEdge(newer, older, x);
    }

    private static boolean blendedEdge(RowWindow picture, RowWindow other, int x) {
        int centre = luma(picture.at(x, 0));
        int sameBrightness = 0;
        int darkest = 0, darkX = 0, darkY = 0;
        int brightest = 0, brightX = 0, brightY = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if ((dx == 0 && dy == 0) || !picture.has(x + dx, dy)) {
                    continue;
                }
                int delta = luma(picture.at(x + dx, dy)) - centre;
                if (delta == 0) {
                    if (++sameBrightness > 2) {
                        return false; // part of a flat area or a line, not a blend
                    }
                } else if (delta < darkest) {
                    darkest = delta;
                    darkX = x + dx;
                    darkY = dy;
                } else if (delta > brightest) {
                    brightest = delta;
                    brightX = x + dx;
                    brightY = dy;
                }
            }
        }
        if (darkest == 0 || brightest == 0) {
            return false; // not between two tones
        }
        return (flat(picture, darkX, darkY) && flat(other, darkX, darkY))
                || (flat(picture, brightX, brightY) && flat(other, brightX, brightY));
    }

    /** At least three neighbours of exactly the same colour. */
    private static boolean flat(RowWindow picture, int x, int y) {
        int colour = picture.at(x, y);
        int same = 0;
        for (int dy = y - 1; dy <= y + 1; dy++) {
            for (int dx = x - 1; dx <= x + 1; dx++) {
                if ((dx == x && dy == y) || !picture.has(dx, dy)) {
                    continue;
                }
                if (picture.at(dx, dy) == colour && ++same >= 3) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Brightness scaled by 1000, in integers so that equal tones compare exactly. */
    private static int luma(int rgb) {
        return ((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114;
    }
}
