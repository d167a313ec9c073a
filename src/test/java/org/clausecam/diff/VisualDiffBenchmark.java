package org.clausecam.diff;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.clausecam.png.PngStreamWriter;

/**
 * Times {@link VisualDiff} on two screenshots: given ones ({@code older.png newer.png [runs]}),
 * or generated 1280-px-wide text pages ({@code [height] [runs]}; default 20,000 rows, the
 * newer one 400 rows taller, with a changed word every 5,000 rows).
 * Not a test: run it with {@code scripts/bench/visual-diff}.
 */
public final class VisualDiffBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("visual-diff-bench");
        Path older;
        Path newer;
        int runs;
        if (args.length >= 2 && args[0].endsWith(".png")) {
            older = Path.of(args[0]);
            newer = Path.of(args[1]);
            runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        } else {
            int height = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
            runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
            older = dir.resolve("older.png");
            newer = dir.resolve("newer.png");
            writeTextPage(older, 1280, height, false);
            writeTextPage(newer, 1280, height + 400, true);
        }
        Path picture = dir.resolve("diff.png");
        System.out.printf("screenshots: %s (%.1f MB), %s (%.1f MB); %d cores, max heap %d MB%n",
                older, Files.size(older) / 1e6, newer, Files.size(newer) / 1e6,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
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

    /**
     * A policy-like page: anti-aliased text lines and a few coloured blocks, deterministic.
     * Drawn and written in bands, so that pages of 100,000 rows need little memory.
     */
    static void writeTextPage(Path file, int width, int height, boolean changed) throws Exception {
        String[] words = ("we collect use and share your personal data with service providers for the purposes"
                + " described in this privacy policy including account security analytics and advertising").split(" ");
        Random random = new Random(42);
        int bandRows = 2000;
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file));
             PngStreamWriter writer = new PngStreamWriter(out, width, height, executor)) {
            int nextLine = 40;
            for (int top = 0; top < height; top += bandRows) {
                int rows = Math.min(bandRows, height - top);
                BufferedImage band = new BufferedImage(width, rows, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = band.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, rows);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
                // Lines whose box would cross the band's bottom wait for the next band.
                while (nextLine + 70 < top + rows) {
                    int y = nextLine - top;
                    if (random.nextInt(40) == 0) {
                        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                        g.fillRect(100, y, width - 200, 60);
                        nextLine += 94;
                        continue;
                    }
                    StringBuilder line = new StringBuilder();
                    while (line.length() < 130) {
                        line.append(words[random.nextInt(words.length)]).append(' ');
                    }
                    if (changed && nextLine % 5000 < 24) {
                        line.insert(10, "AMENDED ");
                    }
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(line.toString(), 100, y + 16);
                    nextLine += 24;
                }
                g.dispose();
                writer.write(((java.awt.image.DataBufferInt) band.getRaster().getDataBuffer()).getData(), rows);
            }
            writer.finish();
        } finally {
            executor.shutdown();
        }
    }
}
