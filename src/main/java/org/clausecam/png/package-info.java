/**
 * PNG pictures of any height in bounded memory, below {@code capture} and {@code diff}.
 *
 * <ul>
 *   <li>{@link org.clausecam.png.PngStreamWriter}: 8-bit RGB written band by band, bands
 *       deflated in parallel (stitched full-page screenshots, difference pictures).</li>
 *   <li>{@link org.clausecam.png.PngStreamReader}: any non-interlaced PNG read top to bottom in
 *       bands of rows, as opaque pixels on a white page (visual diffs); a damaged, truncated or
 *       interlaced one fails with a {@link org.clausecam.png.PngFormatException} naming it.</li>
 * </ul>
 *
 * Checked against the PngSuite conformance images (src/test/resources/pngsuite).
 */
package org.clausecam.png;
