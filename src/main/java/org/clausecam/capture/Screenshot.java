package org.clausecam.capture;

/**
 * A full-page PNG.
 *
 * @param png        the PNG bytes
 * @param width      width in pixels
 * @param height     height in pixels
 * @param pageHeight the page's scroll height when it was measured (CSS px = device px here)
 * @param stitched   whether the picture was assembled from clipped sections (tall pages)
 * @param truncated  whether the page was taller than the height limit and only its top part is shown
 */
public record Screenshot(byte[] png, int width, int height, int pageHeight, boolean stitched, boolean truncated) {
}
