package org.clausecam.cli;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.clausecam.store.CaptureRecord;
import org.clausecam.store.DocumentCapture;
import org.clausecam.store.Store;
import org.clausecam.store.StoredRecord;
import org.clausecam.store.Stores;
import org.clausecam.store.TermsKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real CLI end to end, against a real HTTP server on 127.0.0.1 and a real Chromium: a first
 * capture of four kinds of pages, an unchanged re-run, a change and its diff.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrackEndToEndTest {

    /** Exactly this tall: taller than the ~87,000 px a single full-page shot renders at 1280 px. */
    static final int TALL_PAGE_HEIGHT = 120_000;

    @TempDir
    static Path work;

    static FixtureSite site;
    static Path declarations;
    static String store;

    @BeforeAll
    static void serveSiteAndDeclare() throws IOException {
        site = new FixtureSite()
                .html("/terms.html", termsPage("We keep your data for 30 days."))
                .html("/rendered.html", """
                        <html><body><div id="policy"></div>
                        <script>document.getElementById('policy').innerHTML =
                          '<h2>Rendered policy</h2><p>This text exists only after the page scripts ran.</p>';</script>
                        </body></html>""")
                .html("/tall.html", tallPage())
                .file("/policy.pdf", "application/pdf", pdf("Trackers policy in a PDF document."));
        declarations = Files.createDirectories(work.resolve("declarations"));
        Files.writeString(declarations.resolve("Example.json"), """
                { "name": "Example", "terms": {
                    "Terms of Service": { "fetch": "%s", "select": ["main"], "remove": [".banner"], "executeClientScripts": false },
                    "Privacy Policy": { "fetch": "%s", "select": ["#policy"], "executeClientScripts": true },
                    "Acceptable Use Policy": { "fetch": "%s", "select": ["main"], "executeClientScripts": true },
                    "Trackers Policy": { "fetch": "%s" } } }
                """.formatted(site.url("/terms.html"), site.url("/rendered.html"), site.url("/tall.html"), site.url("/policy.pdf")));
        store = "file:" + work.resolve("store");
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    @Order(1)
    void firstRunRecordsEveryTermsWithSnapshotsScreenshotsAndVersions() throws Exception {
        CliRun run = CliRun.run("track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("4 first records, 0 changed, 0 unchanged, 0 failed"), run.output());
        try (Store s = Stores.open(store)) {
            assertTrue(version(s, "Terms of Service").contains("We keep your data for 30 days."));
            assertTrue(!version(s, "Terms of Service").contains("Cookie banner"), "removed by the declaration");
            assertTrue(version(s, "Privacy Policy").contains("This text exists only after the page scripts ran."));
            assertEquals("browser", latest(s, "Privacy Policy").documents().get(0).fetcher());
            assertTrue(version(s, "Trackers Policy").contains("Trackers policy in a PDF document."));
            assertEquals("application/pdf", latest(s, "Trackers Policy").documents().get(0).mimeType());
        }
    }

    @Test
    @Order(2)
    void screenshotOfAVeryTallPageCoversItsWholeHeightDownToTheBottom() throws Exception {
        try (Store s = Stores.open(store)) {
            DocumentCapture tall = latest(s, "Acceptable Use Policy").documents().get(0);
            assertEquals(TALL_PAGE_HEIGHT, tall.screenshotHeight());
            byte[] png = s.getBlob(tall.screenshot());
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
                ImageReader reader = ImageIO.getImageReaders(in).next();
                reader.setInput(in);
                assertEquals(1280, reader.getWidth(0));
                assertEquals(TALL_PAGE_HEIGHT, reader.getHeight(0));
                ImageReadParam bottom = reader.getDefaultReadParam();
                bottom.setSourceRegion(new Rectangle(0, TALL_PAGE_HEIGHT - 100, 1280, 100));
                BufferedImage marker = reader.read(0, bottom);
                int rgb = marker.getRGB(640, 50) & 0xffffff;
                assertEquals(0xff0000, rgb, "the red marker at the very bottom of the page is pictured, not blank");
            }
        }
    }

    @Test
    @Order(3)
    void secondRunWithoutChangesRecordsUnchanged() {
        CliRun run = CliRun.run("track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("0 first records, 0 changed, 4 unchanged, 0 failed"), run.output());
    }

    @Test
    @Order(4)
    void aChangedPageIsRecordedAsChangedAndItsDiffShowsWhatChanged() {
        site.html("/terms.html", termsPage("We keep your data for 90 days."));
        CliRun run = CliRun.run("track", "--declarations", declarations.toString(), "--store", store, "--allow-private-network",
                "--types", "Terms of Service");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("1 changed"), run.output());

        CliRun diff = CliRun.run("diff", "Example", "Terms of Service", "--store", store);
        assertEquals(0, diff.exit(), diff.output());
        assertTrue(diff.output().contains("\n-We keep your data for 30 days.\n+We keep your data for 90 days.\n"), diff.output());

        Path picture = work.resolve("terms-visual.png");
        CliRun visual = CliRun.run("diff", "Example", "Terms of Service", "--store", store, "--visual", picture.toString());
        assertEquals(0, visual.exit(), visual.output());
        assertTrue(visual.output().contains("changed in 1 regions"), visual.output());
        assertTrue(Files.exists(picture));

        CliRun history = CliRun.run("history", "Example", "Terms of Service", "--store", store);
        List<String> lines = history.output().lines().toList();
        assertEquals(3, lines.size(), history.output());
        assertTrue(lines.get(0).contains("changed") && lines.get(1).contains("unchanged") && lines.get(2).contains("first record"),
                history.output());
    }

    @Test
    @Order(5)
    void oneOffCaptureWritesSnapshotScreenshotVersionAndMetadata() throws Exception {
        Path out = work.resolve("one-off");
        CliRun run = CliRun.run("capture", site.url("/terms.html").toString(), "--select", "main", "--remove", ".banner",
                "--out", out.toString(), "--allow-private-network");

        assertEquals(0, run.exit(), run.output());
        for (String file : List.of("snapshot.html", "screenshot.png", "version.md", "capture.json")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(Files.readString(out.resolve("version.md")).startsWith("Terms of Service\n================"));
        assertNotNull(ImageIO.read(out.resolve("screenshot.png").toFile()));
    }

    @Test
    @Order(6)
    void hiddenSelectorsAreInvisibleInTheScreenshotButKeptInTheSnapshot() throws Exception {
        site.html("/banner.html", """
                <html><head><style>body{margin:0} #consent{height:200px;background:#ff0000}</style></head><body>
                <div id="consent">We use cookies</div><main><p>Policy text long enough to be a document of its own,
                with several sentences so that plain HTTP suffices. It says what the service does with data.</p></main>
                </body></html>""");
        Path out = work.resolve("hidden");
        CliRun run = CliRun.run("capture", site.url("/banner.html").toString(), "--no-execute-client-scripts", "--hide", "#consent",
                "--out", out.toString(), "--allow-private-network");

        assertEquals(0, run.exit(), run.output());
        BufferedImage shot = ImageIO.read(out.resolve("screenshot.png").toFile());
        assertTrue((shot.getRGB(100, 100) & 0xffffff) != 0xff0000, "the consent banner is not pictured");
        assertTrue(Files.readString(out.resolve("snapshot.html")).contains("We use cookies"), "the snapshot keeps it");
    }

    @Test
    @Order(7)
    void privateAddressesAreRefusedUnlessAllowed() {
        CliRun run = CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + work.resolve("refused"),
                "--types", "Terms of Service");

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("failed: Example / Terms of Service"), run.output());
        assertTrue(run.output().contains("127.0.0.1"), run.output());
    }

    private static CaptureRecord latest(Store s, String type) throws Exception {
        return s.latest(new TermsKey("Example", type)).map(StoredRecord::record).orElseThrow();
    }

    private static String version(Store s, String type) throws Exception {
        return new String(s.getBlob(latest(s, type).version()), StandardCharsets.UTF_8);
    }

    private static String termsPage(String retention) {
        return """
                <html><head><title>Terms</title></head><body>
                <div class="banner">Cookie banner: accept all?</div>
                <main><h1>Terms of Service</h1>
                <p>These terms govern your use of the Example service. Please read them carefully before using it.</p>
                <p>%s</p>
                <ul><li>You may cancel at any time.</li><li>We may update these terms with notice.</li></ul>
                </main></body></html>""".formatted(retention);
    }

    private static String tallPage() {
        StringBuilder bands = new StringBuilder();
        int band = 10_000;
        for (int y = 0; y < TALL_PAGE_HEIGHT - 100; y += band) {
            bands.append("<div style=\"height:").append(Math.min(band, TALL_PAGE_HEIGHT - 100 - y)).append("px;background:")
                    .append((y / band) % 2 == 0 ? "#dde" : "#ede").append("\">Section at ").append(y).append(" px</div>");
        }
        return "<html><head><style>html,body{margin:0;padding:0}</style></head><body><main><h1>Acceptable Use</h1>"
                .replace("<h1>Acceptable Use</h1>", "") + bands
                + "<div style=\"height:100px;background:#ff0000\">The end</div></main></body></html>";
    }

    private static byte[] pdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

}
