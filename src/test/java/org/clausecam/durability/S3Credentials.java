package org.clausecam.durability;

import org.clausecam.store.S3ProxyServer;

/**
 * Lets the CLI run in this JVM reach a test S3 server through the default AWS credentials chain,
 * by its {@code aws.accessKeyId}/{@code aws.secretAccessKey} system properties (the process
 * environment cannot be changed from Java). The endpoint is given in the store URI
 * ({@code ?endpoint=}); the region falls back to us-east-1.
 */
final class S3Credentials implements AutoCloseable {

    private S3Credentials(S3ProxyServer s3) {
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());
    }

    static S3Credentials of(S3ProxyServer s3) {
        return new S3Credentials(s3);
    }

    @Override
    public void close() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
