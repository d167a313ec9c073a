package org.clausecam.cli;

import org.clausecam.export.StoreHistories;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code clausecam feed}: an Atom feed of changes, read back with the JDK's XML parser. */
class FeedCommandTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @TempDir
    Path work;

    private Path storeWithTwoChanges() throws Exception {
        Path store = work.resolve("store");
        try (StoreHistories h = new StoreHistories(store)) {
            h.capture("Claude.ai", "Privacy Policy", Instant.parse("2026-04-06T10:00:00Z"), "We keep data.\n", "<p>keep</p>");
            h.capture("Claude.ai", "Privacy Policy", Instant.parse("2026-04-07T10:00:00Z"), "We keep data.\n", "<p>keep</p>");
            h.capture("Claude.ai", "Privacy Policy", Instant.parse("2026-04-08T10:00:00Z"), "We sell data.\n", "<p>sell</p>");
            h.capture("ChatGPT", "Terms of Service", Instant.parse("2026-04-06T11:00:00Z"), "Be nice.\n", "<p>nice</p>");
            h.email("ChatGPT", "Terms of Service", Instant.parse("2026-04-08T12:00:00Z"));
            h.capture("ChatGPT", "Terms of Service", Instant.parse("2026-04-09T11:00:00Z"), "Be kind & nice.\n", "<p>kind</p>");
        }
        return store;
    }

    @Test
    void theFeedIsReadableByAllSinceItIsPublished() throws Exception {
        Path store = storeWithTwoChanges();
        Path feed = work.resolve("site/changes.xml");

        CliRun run = CliRun.run("feed", "--store", "file:" + store, "--out", feed.toString());

        assertEquals(0, run.exit(), run.output());
        Assumptions.assumeTrue(feed.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertTrue(Files.getPosixFilePermissions(feed).contains(PosixFilePermission.OTHERS_READ),
                "a web server running as another user reads it: " + PosixFilePermissions.toString(Files.getPosixFilePermissions(feed)));
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void theFeedIsAtomWithOneEntryPerChangeNewestFirst() throws Exception {
        Path store = storeWithTwoChanges();
        Path feed = work.resolve("site/changes.xml");

        CliRun run = CliRun.run("feed", "--store", "file:" + store, "--out", feed.toString());

        assertEquals(0, run.exit(), run.output());
        Element root = parse(feed).getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        assertNotNull(child(root, "id"));
        assertNotNull(child(root, "title"));
        assertEquals("2026-04-09T11:00:00Z", root.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent());
        assertNotNull(child(root, "author"), "an author for the whole feed, so entries need none");
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(2, entries.getLength(), "first records and unchanged captures are not changes");
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            assertTrue(child(entry, "id").startsWith("urn:uuid:"), child(entry, "id"));
            titles.add(child(entry, "title"));
        }
        assertEquals(List.of("ChatGPT — Terms of Service changed", "Claude.ai — Privacy Policy changed"), titles);
        String summary = child((Element) entries.item(0), "summary");
        assertTrue(summary.contains("-Be nice.") && summary.contains("+Be kind & nice."), summary);
    }

    @Test
    void entryIdsStayTheSameFromOneFeedToTheNext() throws Exception {
        Path store = storeWithTwoChanges();
        CliRun.run("feed", "--store", "file:" + store, "--out", work.resolve("a.xml").toString());
        CliRun.run("feed", "--store", "file:" + store, "--out", work.resolve("b.xml").toString());

        assertEquals(child(parse(work.resolve("a.xml")).getDocumentElement(), "entry"),
                child(parse(work.resolve("b.xml")).getDocumentElement(), "entry"));
    }

    @Test
    void withAReportUrlEachEntryLinksToTheChangePageTheReportWrites() throws Exception {
        Path store = storeWithTwoChanges();
        Path report = work.resolve("report");
        assertEquals(0, CliRun.run("report", "--store", "file:" + store, "--out", report.toString()).exit());
        Path feed = work.resolve("changes.xml");

        CliRun run = CliRun.run("feed", "--store", "file:" + store, "--out", feed.toString(), "--report-url", "https://terms.example.org/report");

        assertEquals(0, run.exit(), run.output());
        NodeList entries = parse(feed).getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element link = (Element) ((Element) entries.item(i)).getElementsByTagNameNS(ATOM, "link").item(0);
            String href = link.getAttribute("href");
            assertTrue(href.startsWith("https://terms.example.org/report/terms/"), href);
            Path page = report.resolve(href.substring("https://terms.example.org/report/".length()));
            assertTrue(Files.isRegularFile(page), "the report has the linked page " + page);
        }
    }

    @Test
    void aReportUrlWithCredentialsIsRefused() throws Exception {
        Path store = storeWithTwoChanges();

        CliRun run = CliRun.run("feed", "--store", "file:" + store, "--out", work.resolve("f.xml").toString(),
                "--report-url", "https://user:secret@terms.example.org/");

        assertEquals(2, run.exit(), run.output());
        assertTrue(!run.output().contains("secret"), run.output());
    }
}
