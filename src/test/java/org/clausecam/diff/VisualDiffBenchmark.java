package org.clausecam.diff;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Times {@link VisualDiff} on two generated 1280-px-wide text-page screenshots (default
 * 20,000 rows; the newer one 400 rows taller, with a changed word every 5,000 rows).
 * Not a test: run it with {@code scripts/bench/visual-diff [height] [runs]}.
 */
public final class VisualDiffBenchmark {

    public static void main(String[] args) throws Exception {
        int height = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = Files.createTempDirectory("visual-diff-bench");
        Path older = dir.resolve("older.png");
        Path newer = dir.resolve("newer.png");
        Path picture = dir.resolve("diff.png");
        writeTextPage(older, 1280, height, false);
        writeTextPage(newer, 1280, height + 400, true);
        System.out.printf("screenshots: 1280×%d (%.1f MB) and 1280×%d (%.1f MB), %d cores%n",
                height, Files.size(older) / 1e6, height + 400, Files.size(newer) / 1e6,
                Runtime.getRuntime().availableProcessors());
        VisualDiff diff = new VisualDiff();
        long[] withPicture = new long[runs];
        long[] withoutPicture = new long[runs];
        long[] cpuWithPicture = new long[runs];
        VisualDiffResult result = null;
        for (int i = 0; i < runs; i++) {
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            result = diff.compare(older, newer, picture);
            withPicture[i] = System.nanoTime() - start;
            cpuWithPicture[i] = processCpuNanos() - cpu;
            start = System.nanoTime();
            diff.compare(older, newer);
            withoutPicture[i] = System.nanoTime() - start;
            System.out.printf("run %d: decode+compare+paint+write %4d ms (CPU %4d ms) | decode+compare only %4d ms | load %.2f%n",
                    i + 1, withPicture[i] / 1_000_000, cpuWithPicture[i] / 1_000_000, withoutPicture[i] / 1_000_000,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        System.out.printf("first run (cold JVM) %d ms; median of %d: %d ms with picture (CPU %d ms), %d ms without%n",
                withPicture[0] / 1_000_000, runs, median(withPicture) / 1_000_000,
                median(cpuWithPicture) / 1_000_000, median(withoutPicture) / 1_000_000);
        System.out.printf("changed share %.4f, %d regions, picture %.1f MB at %s%n",
                result.changedShare(), result.regions().size(), Files.size(picture) / 1e6, picture);
    }

    /** CPU time of the whole process: on a shared machine, wall time alone says little. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A policy-like page: anti-aliased text lines and a few coloured blocks, deterministic. */
    static void writeTextPage(Path file, int width, int height, boolean changed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        String[] words = ("we collect use and share your personal data with service providers for the purposes"
                + " described in this privacy policy including account security analytics and advertising").split(" ");
        Random random = new Random(42);
        for (int y = 40; y < height; y += 24) {
            if (random.nextInt(40) == 0) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                g.fillRect(100, y, width - 200, 60);
                y += 70;
                continue;
            }
            StringBuilder line = new StringBuilder();
            while (line.length() < 130) {
                line.append(words[random.nextInt(words.length)]).append(' ');
            }
            if (changed && y % 5000 < 24) {
                line.insert(10, "AMENDED ");
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(line.toString(), 100, y);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
