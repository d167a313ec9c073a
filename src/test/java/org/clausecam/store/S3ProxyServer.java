package org.clausecam.store;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for tests: S3Proxy 4.1.0 run from its fat jar as a separate
 * process on 127.0.0.1, storing objects as files in a temporary directory (filesystem-nio2),
 * with real AWS v4 authentication. The build copies the jar to {@code target/s3proxy/s3proxy.jar}
 * (maven-dependency-plugin, phase generate-test-resources).
 *
 * <p>As a JUnit 5 extension, on a static field, one server serves a whole test class:
 * <pre>
 * &#64;RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
 * …
 * S3.createBucket("archive");
 * Store store = Stores.open(S3.storeUri("archive", "run-1"));   // with S3.environment() for a child process,
 *                                                              // or S3Store.open(location, S3.credentials())
 * </pre>
 * {@link #stop()} and {@link #start()} (or {@link #restart()}) simulate an outage: the server
 * comes back on the same port with the same objects.
 */
public final class S3ProxyServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final String ACCESS_KEY = "clausecam-test";

    private final String secretKey = "secret-" + UUID.randomUUID();
    private Path workDir;
    private Path dataDir;
    private int port;
    private Process process;

    /** Starts the server if it is not running: the first time on a free port, later on the same one. */
    public synchronized S3ProxyServer start() {
        if (process != null && process.isAlive()) return this;
        try {
            if (workDir == null) {
                workDir = Files.createTempDirectory("s3proxy-");
                dataDir = Files.createDirectories(workDir.resolve("data"));
                port = freePort();
            }
            Path properties = workDir.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + secretKey,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.filesystem.basedir=" + dataDir,
                    "jclouds.identity=unused",
                    "jclouds.credential=unused",
                    ""), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                    "-jar", jar().toString(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("s3proxy.log").toFile()));
            pb.environment().put("LOG_LEVEL", "warn");
            process = pb.start();
            awaitPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy", e);
        }
    }

    /** Stops the server abruptly (like a crash or a network cut); objects written so far stay on disk. */
    public synchronized void stop() {
        if (process == null) return;
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("S3Proxy did not stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping S3Proxy", e);
        }
        process = null;
    }

    public S3ProxyServer restart() {
        stop();
        return start();
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** {@code http://127.0.0.1:PORT}, stable across restarts. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return secretKey;
    }

    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey));
    }

    /** Where the objects live on disk: {@code dataDir/BUCKET/KEY}. */
    public Path dataDir() {
        return dataDir;
    }

    /** A store URI pointing at this server; credentials come from {@link #environment()} or {@link #credentials()}. */
    public String storeUri(String bucket, String prefix) {
        return "s3://" + bucket + (prefix == null || prefix.isEmpty() ? "" : "/" + prefix) + "?endpoint=" + endpoint();
    }

    /** Environment for a child process (the CLI) so that the default AWS chain finds this server. */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", secretKey,
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", endpoint().toString());
    }

    /** A plain SDK client for this server, for tests that look at objects directly. */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public void createBucket(String bucket) {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Stops the server and deletes its files. */
    @Override
    public synchronized void close() {
        stop();
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + workDir, e);
            }
            workDir = null;
        }
    }

    private void awaitPort() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ": " + logTail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("S3Proxy did not open port " + port + " within 60 s: " + logTail());
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(workDir.resolve("s3proxy.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for S3Proxy", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Path jar() {
        Path projectDir = Path.of(System.getProperty("clausecam.projectDir", "."));
        Path jar = projectDir.resolve("target/s3proxy/s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: it is copied there by `mvn test` "
                    + "(maven-dependency-plugin, phase generate-test-resources)");
        }
        return jar;
    }
}
