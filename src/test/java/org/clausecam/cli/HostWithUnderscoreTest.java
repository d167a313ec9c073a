package org.clausecam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clausecam.fetch.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A declared host that browsers accept and java.net refuses ({@code a_b.localhost}: an underscore)
 * is a valid declaration; left to the agent's choice it is fetched by the browser, which reaches
 * it, and declared for plain HTTP only it is refused with the URL and the reason. Chromium answers
 * every name under {@code localhost} with loopback itself, so the page is this test's server.
 */
class HostWithUnderscoreTest {
    private static final String PAGE = "<html><body><main><h1>Terms</h1><p>Clause one of the underscored host.</p><a href=\"?x=[9]\">Other edition</a></main></body></html>";

    @TempDir
    static Path work;
    static FixtureServer server;
    static String url;
    static CliRun run;

    @BeforeAll
    static void validateDeclarationsOfAnUnderscoredHost() throws Exception {
        server = new FixtureServer().serve("/terms", "text/html", PAGE);
        url = "http://a_b.localhost:" + server.url("/").getPort() + "/terms";
        Path declarations = Files.createDirectories(work.resolve("declarations"));
        Files.writeString(declarations.resolve("Either.json"), """
                { "name": "Either", "terms": { "Terms of Service": { "fetch": "%s", "select": ["main"] } } }
                """.formatted(url));
        Files.writeString(declarations.resolve("PlainOnly.json"), """
                { "name": "PlainOnly", "terms": { "Terms of Service": { "fetch": "%s", "select": ["main"], "executeClientScripts": false } } }
                """.formatted(url));
        run = CliRun.run("validate", "--declarations", declarations.toString(), "--allow-private-network");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDeclarationsAreValidAndTheBrowserFetchesThePage() {
        assertTrue(run.output().contains("fetched 2 documents: 1 problem"), run.output());
        assertTrue(!run.output().contains("Either / "), run.output());
        assertTrue(server.hits("/terms") >= 1, run.output());
    }

    @Test
    void aOneOffCaptureOfSuchAUrlResolvesLinksAsABrowser() throws Exception {
        Path out = work.resolve("capture");

        CliRun capture = CliRun.run("capture", url + "?x=[1]", "--select", "main", "--no-screenshot", "--allow-private-network",
                "--out", out.toString());

        assertEquals(0, capture.exit(), capture.output());
        assertTrue(Files.readString(out.resolve("version.md")).contains("[Other edition](" + url + "?x=[9])"),
                Files.readString(out.resolve("version.md")));
    }

    @Test
    void plainHttpOnlyIsRefusedNamingTheUrlAndWhy() {
        assertTrue(run.output().contains("PlainOnly / Terms of Service: " + url + ": cannot be fetched: " + url
                + ": plain HTTP cannot request " + url + ": its host a_b.localhost holds characters that browsers accept"
                + " but java.net.http refuses in a host name (such as '_')"), run.output());
    }
}
