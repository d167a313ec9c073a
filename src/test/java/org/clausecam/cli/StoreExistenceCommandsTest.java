package org.clausecam.cli;

import com.sun.net.httpserver.HttpServer;
import org.clausecam.store.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands against a store that is not there: exit 3 and "no store at …", never an empty "consistent"; track says when it creates one. */
class StoreExistenceCommandsTest {

    @TempDir
    Path dir;

    @Test
    void every_command_that_reads_a_store_exits_3_on_a_mistyped_path() {
        String typo = "file:" + dir.resolve("dtaa");
        String shown = "no store at file:" + dir.resolve("dtaa");

        for (String[] args : new String[][] {
                {"verify", "--store", typo},
                {"history", "Example", "Terms of Service", "--store", typo},
                {"diff", "Example", "Terms of Service", "--store", typo},
                {"report", "--store", typo, "--out", dir.resolve("site").toString()},
                {"export", "ota", "--store", typo, "--out", dir.resolve("ota").toString()},
                {"feed", "--store", typo, "--out", dir.resolve("feed.xml").toString()},
                {"store-copy", "--from", typo, "--to", "file:" + dir.resolve("copy")}}) {
            CliRun run = CliRun.run(args);
            assertEquals(3, run.exit(), String.join(" ", args) + ": " + run.output());
            assertTrue(run.output().contains(shown), run.output());
        }
        assertFalse(Files.exists(dir.resolve("dtaa")), "reading created nothing");
        assertFalse(Files.exists(dir.resolve("copy")), "store-copy stopped before writing its target");
        assertFalse(Files.exists(dir.resolve("ota")), "export ota wrote no repositories");
        assertFalse(Files.exists(dir.resolve("feed.xml")), "feed wrote no feed");
    }

    @Test
    void track_with_no_create_store_exits_3_before_any_capture_and_creates_nothing() throws Exception {
        Path declarations = declarations();
        CliRun run = CliRun.run("track", "--declarations", declarations.toString(), "--store", "file:" + dir.resolve("unmounted"),
                "--no-create-store");

        assertEquals(3, run.exit(), run.output());
        assertTrue(run.output().contains("no store at file:" + dir.resolve("unmounted") + " and --no-create-store (or CLAUSECAM_NO_CREATE_STORE=true) was given"), run.output());
        assertFalse(run.output().contains("Example / Terms of Service"), "nothing was captured: " + run.output());
        assertFalse(Files.exists(dir.resolve("unmounted")));
    }

    @Test
    void track_creates_a_store_on_first_use_and_says_so_first() throws Exception {
        Path declarations = declarations();
        String store = "file:" + dir.resolve("data");

        CliRun first = CliRun.run("track", "--declarations", declarations.toString(), "--store", store, "--log-format", "json");
        CliRun second = CliRun.run("track", "--declarations", declarations.toString(), "--store", store);

        String firstLine = first.output().lines().findFirst().orElse("");
        assertTrue(firstLine.contains("\"event\":\"store-created\"") && firstLine.contains("\"store\":\"file:" + dir.resolve("data")),
                first.output());
        assertFalse(second.output().contains("created a new store"), second.output());
        assertTrue(Files.isRegularFile(dir.resolve("data/clausecam-store.json")));
    }

    @Test
    void capture_into_a_new_store_says_so_first() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            site.html("/tos", "<html><body><main><p>We may change these terms.</p></main></body></html>");
            String store = "file:" + dir.resolve("data");

            CliRun first = CliRun.run("capture", site.url("/tos").toString(), "--service", "Example", "--type", "Terms of Service",
                    "--store", store, "--allow-private-network", "--no-screenshot");
            CliRun second = CliRun.run("capture", site.url("/tos").toString(), "--service", "Example", "--type", "Terms of Service",
                    "--store", store, "--allow-private-network", "--no-screenshot");

            assertEquals(0, first.exit(), first.output());
            assertEquals("created a new store at file:" + dir.resolve("data"), first.output().lines().findFirst().orElse(""), first.output());
            assertFalse(second.output().contains("created a new store"), second.output());
        }
    }

    @Test
    void capture_email_into_a_new_store_says_so_first() throws Exception {
        String store = "file:" + dir.resolve("data");

        CliRun run = CliRun.run("capture-email", email().toString(), "--service", "Example", "--type", "Terms of Service", "--store", store);

        assertEquals(0, run.exit(), run.output());
        assertEquals("created a new store at file:" + dir.resolve("data"), run.output().lines().findFirst().orElse(""), run.output());
    }

    @Test
    void capture_email_with_no_create_store_exits_3_before_rendering_anything() throws Exception {
        Path out = dir.resolve("evidence");

        CliRun run = CliRun.run("capture-email", email().toString(), "--service", "Example", "--type", "Terms of Service",
                "--store", "file:" + dir.resolve("unmounted"), "--no-create-store", "--out", out.toString());

        assertEquals(3, run.exit(), run.output());
        assertTrue(run.output().contains("no store at file:" + dir.resolve("unmounted")), run.output());
        assertFalse(Files.exists(out), "nothing was rendered or written");
        assertFalse(Files.exists(dir.resolve("unmounted")));
    }

    @Test
    void a_mistyped_s3_prefix_is_no_store_rather_than_consistent() throws Exception {
        try (S3ProxyServer s3 = new S3ProxyServer().start()) {
            s3.createBucket("archive");
            System.setProperty("aws.accessKeyId", s3.accessKey());
            System.setProperty("aws.secretAccessKey", s3.secretKey());
            try {
                CliRun copy = CliRun.run("store-copy", "--from", "file:" + dir.resolve("never-made"), "--to", s3.storeUri("archive", "copy"));
                assertEquals(3, copy.exit(), copy.output());

                CliRun run = CliRun.run("verify", "--store", s3.storeUri("archive", "clausecma"));
                assertEquals(3, run.exit(), run.output());
                assertTrue(run.output().contains("no store at s3://archive/clausecma"), run.output());
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
        }
    }

    @Test
    void credentials_echoed_by_an_s3_endpoint_are_masked_in_every_message_of_the_chain() throws Exception {
        HttpServer echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            // Some S3-compatible servers put the request's headers into their error bodies.
            StringBuilder body = new StringBuilder("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>denied for ");
            exchange.getRequestHeaders().forEach((name, values) -> body.append(name).append('=').append(values).append(' '));
            body.append("</Message></Error>");
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(403, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        echo.start();
        System.setProperty("aws.accessKeyId", "AKIAECHOEDKEYID00001");
        System.setProperty("aws.secretAccessKey", "echoed-secret-key-0000000000000000000001");
        System.setProperty("aws.sessionToken", "ECHOEDSESSIONTOKEN0001");
        try {
            CliRun run = CliRun.run("history", "Example", "Terms of Service", "--store",
                    "s3://archive/clausecam?endpoint=http://127.0.0.1:" + echo.getAddress().getPort() + "&maxAttempts=1");

            assertEquals(1, run.exit(), run.output());
            assertTrue(run.output().contains("denied for"), "the server's message is shown: " + run.output());
            assertFalse(run.output().contains("AKIAECHOEDKEYID00001"), run.output());
            assertFalse(run.output().contains("ECHOEDSESSIONTOKEN0001"), run.output());
            assertFalse(run.output().contains("echoed-secret-key"), run.output());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            System.clearProperty("aws.sessionToken");
            echo.stop(0);
        }
    }

    private static Path email() throws Exception {
        return Path.of(StoreExistenceCommandsTest.class.getResource("/email/related-cid.eml").toURI());
    }

    /** One terms on a closed local port: tracking it fails fast, without leaving this machine. */
    private Path declarations() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("declarations"));
        Files.writeString(folder.resolve("Example.json"), """
                {"name": "Example", "terms": {"Terms of Service": {"fetch": "http://127.0.0.1:9/terms", "select": ["main"]}}}
                """);
        return folder;
    }
}
