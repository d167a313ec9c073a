package org.clausecam.diff;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Rows of a picture held whole in memory: the fallback for pictures the streaming PNG decoder
 * does not handle (palette, grey, 16-bit or interlaced PNGs, JPEG), and for in-memory images.
 */
final class DecodedImageRows implements PixelRows {

    private final int[] pixels;
    private final int width;
    private final int height;
    private int nextRow;

    DecodedImageRows(int[] pixels, int width, int height) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
    }

    static DecodedImageRows read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a PNG or another picture format that can be read");
        }
        return of(image);
    }

    static DecodedImageRows of(BufferedImage image) {
        BufferedImage rgb = image;
        boolean ownsWholeBuffer = image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getParent() == null
                && ((DataBufferInt) image.getRaster().getDataBuffer()).getData().length
                        == image.getWidth() * image.getHeight();
        if (!ownsWholeBuffer) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            // Transparent pixels read as on a white page, as a browser would show them.
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        int[] data = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        return new DecodedImageRows(data, rgb.getWidth(), rgb.getHeight());
    }

    @Override
    public int width() { return width; }

    @Override
    public int height() { return height; }

    @Override
    public void read(int[] dst, int offset, int rows) throws IOException {
        if (nextRow + rows > height) {
            throw new IOException("read past the last row " + height);
        }
        System.arraycopy(pixels, nextRow * width, dst, offset, rows * width);
        nextRow += rows;
    }

    @Override
    public void close() { }
}
