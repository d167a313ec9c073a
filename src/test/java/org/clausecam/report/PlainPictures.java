package org.clausecam.report;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Screenshots for tests that need no browser: a small PNG whose bands depend on the page's text. */
final class PlainPictures implements ReportStores.Screenshotter {

    @Override
    public byte[] shoot(String html) {
        String text = html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 240);
        for (int i = 0; i < 12; i++) {
            int band = (text.length() + 11) / 12;
            int h = text.substring(Math.min(text.length(), i * band), Math.min(text.length(), (i + 1) * band)).hashCode();
            g.setColor(new Color(0x404040 | (h & 0x3f3f3f)));
            g.fillRect(16, 16 + i * 18, 60 + Math.floorMod(h, 240), 10);
        }
        g.dispose();
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
