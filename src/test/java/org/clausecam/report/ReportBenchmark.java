package org.clausecam.report;

import org.clausecam.store.CaptureRecord;
import org.clausecam.store.FileStore;
import org.clausecam.store.TermsKey;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long a report takes, first and again: {@code TERMS} terms of {@code RECORDS} records each,
 * every fifth record a change with a new 1280-px-wide screenshot {@code HEIGHT} px tall.
 * Run: {@code mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.clausecam.report.ReportBenchmark 10 50 8000}
 */
public final class ReportBenchmark {

    public static void main(String[] args) throws Exception {
        int terms = Integer.parseInt(args[0]);
        int records = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("clausecam-report-bench");
        try (FileStore store = new FileStore(dir.resolve("data"))) {
            long fill = System.nanoTime();
            for (int t = 0; t < terms; t++) {
                TermsKey key = new TermsKey("Service " + t, "Terms of Service");
                for (int r = 0; r < records; r++) {
                    int revision = r / 5;
                    StringBuilder text = new StringBuilder("Terms of Service\n================\n\n");
                    for (int p = 0; p < 200; p++) text.append("Paragraph ").append(p).append(" of revision ").append(p == 100 ? revision : 0).append(" says the usual things.\n\n");
                    ReportStores.append(store, key, java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * r).toString(),
                            CaptureRecord.KIND_CAPTURE, text.toString(),
                            ReportStores.document(store, "https://example.com/" + t, null,
                                    r % 5 == 0 ? store.putBlob(picture(height, t, revision)) : store.latest(key).orElseThrow()
                                            .record().documents().get(0).screenshot()));
                }
            }
            System.out.printf("filled %d terms x %d records in %.1f s%n", terms, records, (System.nanoTime() - fill) / 1e9);
            for (int run = 1; run <= 2; run++) {
                long start = System.nanoTime();
                ReportSummary s = new ReportWriter(store, dir.resolve("report")).write();
                System.out.printf("run %d: %.2f s; %d records, %d changes, evidence %d copied, previews %d made, visual diffs %d computed %d reused%n",
                        run, (System.nanoTime() - start) / 1e9, s.records(), s.changes(), s.evidenceCopied(), s.previewsWritten(),
                        s.visualDiffsComputed(), s.visualDiffsReused());
            }
        } finally {
            ReportInBrowserTest.deleteRecursively(dir);
        }
    }

    /** A page of grey text lines with a red block that moves with each revision; the service shifts the lines. */
    private static byte[] picture(int height, int service, int revision) throws IOException {
        BufferedImage image = new BufferedImage(1280, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1280, height);
        g.setColor(Color.DARK_GRAY);
        for (int y = 40; y < height; y += 24) g.fillRect(40 + service, y, 900 + (y * 7) % 300, 10);
        g.setColor(Color.RED);
        g.fillRect(40, 200 + (revision * 300) % Math.max(1, height - 400), 600, 60);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
