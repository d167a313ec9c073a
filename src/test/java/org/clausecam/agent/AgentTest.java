package org.clausecam.agent;

import org.clausecam.capture.CaptureException;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.FixtureServer;
import org.clausecam.store.FileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent's parts are built from its settings, belong to it alone, and close with it, once. */
class AgentTest {

    private final FixtureServer server = new FixtureServer().serve("/terms", "text/html", "<main><p>Terms.</p></main>");

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    private static AgentSettings allowingPrivateNetwork() {
        AgentSettings defaults = AgentSettings.defaults();
        return new AgentSettings(1, defaults.http().toBuilder().allowPrivateNetwork(true).build(), defaults.policy(), defaults.render().toBuilder().screenshot(false).build());
    }

    private SourceDocument plainHttp(String path) {
        return new SourceDocument(null, server.url(path), List.of(), List.of(), List.of(), false);
    }

    @Test
    void twoAgentsShareNothingAndStartNoBrowserUntilAPageNeedsIt() throws Exception {
        try (Agent one = Agent.start(AgentSettings.defaults()); Agent other = Agent.start(AgentSettings.defaults())) {
            assertNotSame(one.chromium(), other.chromium());
            assertFalse(one.chromium().started());
            assertFalse(other.chromium().started());
        }
    }

    @Test
    void anAgentThatRefusesThePrivateNetworkRefusesItForPlainHttpToo() throws Exception {
        try (Agent guarded = Agent.start(AgentSettings.defaults()); Agent open = Agent.start(allowingPrivateNetwork())) {
            FetchException refused = assertThrows(FetchException.class, () -> guarded.sourceCapturer().capture(plainHttp("/terms")));

            assertEquals(FetchException.Kind.PERMANENT, refused.kind());
            assertEquals("<main><p>Terms.</p></main>",
                    new String(open.sourceCapturer().capture(plainHttp("/terms")).document().content(), StandardCharsets.UTF_8));
            assertEquals(1, server.hits("/terms"), "only the agent that allows the private network reached the server");
        }
    }

    @Test
    void closingClosesTheBrowserAndTheStoreOnce() throws Exception {
        Agent agent = Agent.start(allowingPrivateNetwork(), new FileStore(dir.resolve("store")));
        assertTrue(agent.store().isPresent());

        agent.close();
        agent.close();

        CaptureException closed = assertThrows(CaptureException.class,
                () -> agent.chromium().withBrowser("a job after close", browser -> "never run", Duration.ofSeconds(5)));
        assertTrue(closed.getMessage().contains("Chromium is closed"), closed.getMessage());
        assertFalse(agent.chromium().started());
    }

    @Test
    void anAgentWithoutAStoreRecordsNothing() throws Exception {
        try (Agent agent = Agent.start(allowingPrivateNetwork())) {
            assertTrue(agent.store().isEmpty());
            assertThrows(IllegalStateException.class, () -> agent.recorder("test", null));
        }
    }
}
