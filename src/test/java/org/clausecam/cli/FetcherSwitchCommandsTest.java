package org.clausecam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.clausecam.fetch.FixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same page captured by the browser, then over plain HTTP: the second version differs (a
 * line only scripts add) but the terms did not change; it is recorded as a technical change, and
 * {@code history} and {@code diff} say so.
 */
class FetcherSwitchCommandsTest {

    private final FixtureServer server = new FixtureServer().serve("/terms", "text/html; charset=utf-8",
            "<!DOCTYPE html><html><body><main><h1>Terms</h1><p>1. You may use the service.</p>"
                    + "<p>2. We may change these terms, and will tell you.</p></main>"
                    + "<script>const p = document.createElement('p'); p.textContent = 'Shown by scripts only.';"
                    + "document.querySelector('main').appendChild(p);</script></body></html>");

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun capture(String fetcher) {
        return CliRun.run("capture", server.url("/terms").toString(), fetcher, "--no-screenshot", "--store", "file:" + dir,
                "--service", "Example", "--type", "Terms of Service", "--allow-private-network");
    }

    @Test
    void aVersionNewOnlyBecauseTheFetcherChangedIsATechnicalChange() {
        CliRun browser = capture("--execute-client-scripts");
        CliRun http = capture("--no-execute-client-scripts");

        assertEquals(0, browser.exit(), browser.output());
        assertEquals(0, http.exit(), http.output());
        assertTrue(http.output().contains("(technical change: fetcher changed: browser → http; captured again as before"), http.output());

        CliRun history = CliRun.run("history", "Example", "Terms of Service", "--store", "file:" + dir);
        assertTrue(history.output().contains("technical"), history.output());
        assertTrue(history.output().contains("(fetcher changed: browser → http; captured again as before"), history.output());

        CliRun lastChange = CliRun.run("diff", "Example", "Terms of Service", "--store", "file:" + dir);
        assertEquals(1, lastChange.exit(), "a technical change is not a change of the terms: " + lastChange.output());

        CliRun diff = CliRun.run("diff", "Example", "Terms of Service", "--from", "1", "--to", "2", "--store", "file:" + dir);
        assertEquals(0, diff.exit(), diff.output());
        assertTrue(diff.output().contains("-Shown by scripts only."), diff.output());
        assertTrue(diff.output().contains("note: record 2 is a technical change, not a change of the terms: fetcher changed: browser → http;"),
                diff.output());
    }
}
