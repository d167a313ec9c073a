package org.clausecam.diff;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Rows of a picture held whole in memory: the fallback for pictures the streaming PNG reader
 * does not handle (interlaced PNGs, JPEG), and for in-memory images.
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

    /**
     * Pictures decoded whole are refused beyond this size (1280×50,000; about 1 GB while
     * converting): only the streamed PNGs keep memory bounded for taller pages.
     */
    static final long MAX_PIXELS = 64_000_000;

    static DecodedImageRows read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not a PNG or another picture format that can be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IOException("a " + reader.getFormatName() + " picture of " + reader.getWidth(0) + "×"
                            + reader.getHeight(0) + " pixels is too large to decode whole; save it as a "
                            + "non-interlaced PNG, which is read in bands");
                }
                return of(reader.read(0));
            } finally {
                reader.dispose();
            }
        }
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
