package org.clausecam.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("unit")
class StoresTest {

    @Test
    void file_uris_open_a_file_store_relative_or_absolute() throws Exception {
        try (LayoutStore relative = Stores.open(Stores.DEFAULT_URI); LayoutStore absolute = Stores.open("file:///var/tmp/clausecam")) {
            assertEquals(Path.of("data").toAbsolutePath(), ((FileStore) relative).root());
            assertEquals(Path.of("/var/tmp/clausecam"), ((FileStore) absolute).root());
            assertEquals("file:/var/tmp/clausecam", absolute.describe());
        }
    }

    @Test
    void anything_else_is_refused_with_what_is_accepted() {
        for (String uri : new String[] {"", "data", "http://example.com/x", "gs://bucket/x", "file:", "file://host/x"}) {
            StoreException e = assertThrows(StoreException.class, () -> Stores.open(uri), uri);
            assertTrue(e.getMessage().contains("file:"), e.getMessage());
        }
    }

    @Test
    void an_s3_uri_carries_bucket_prefix_and_options() throws Exception {
        S3Location l = S3Location.parse("s3://my-bucket/terms/archive/?endpoint=http%3A%2F%2F127.0.0.1%3A9000&region=eu-west-3&pathStyle=false&maxAttempts=3");
        assertEquals("my-bucket", l.bucket());
        assertEquals("terms/archive", l.prefix());
        assertEquals(URI.create("http://127.0.0.1:9000"), l.endpoint());
        assertEquals("eu-west-3", l.region());
        assertFalse(l.pathStyle());
        assertEquals(3, l.maxAttempts());
        assertEquals("s3://my-bucket/terms/archive", l.display());
        assertEquals("terms/archive/heads/a/b.json", l.objectKey("heads/a/b.json"));

        S3Location bare = S3Location.parse("s3://my-bucket");
        assertEquals("", bare.prefix());
        assertNull(bare.endpoint());
        assertEquals("heads/a/b.json", bare.objectKey("heads/a/b.json"));
    }

    @Test
    void s3_uris_that_would_not_round_trip_or_carry_secrets_are_refused() {
        StoreException secret = assertThrows(StoreException.class, () -> S3Location.parse("s3://AKIAEXAMPLE:topsecret@bucket/x"));
        assertFalse(secret.getMessage().contains("topsecret"), secret.getMessage());
        assertThrows(StoreException.class, () -> S3Location.parse("s3://Bad_Bucket/x"));
        assertThrows(StoreException.class, () -> S3Location.parse("s3://bucket/a//b"));
        assertThrows(StoreException.class, () -> S3Location.parse("s3://bucket/a/../b"));
        assertThrows(StoreException.class, () -> S3Location.parse("s3://bucket/x?endpoint=ftp://host"));
        assertThrows(StoreException.class, () -> S3Location.parse("s3://bucket/x?colour=blue"));
        StoreException inEndpoint = assertThrows(StoreException.class,
                () -> S3Location.parse("s3://bucket/x?endpoint=http://id:topsecret@host:9000"));
        assertFalse(inEndpoint.getMessage().contains("topsecret"), inEndpoint.getMessage());
    }

    @Test
    void an_s3_uri_opens_an_s3_store_without_contacting_the_server() throws Exception {
        try (LayoutStore s3 = Stores.open("s3://my-bucket/p?endpoint=http://127.0.0.1:1&region=us-east-1")) {
            assertInstanceOf(S3Store.class, s3);
            assertEquals("s3://my-bucket/p at http://127.0.0.1:1", s3.describe());
        }
    }
}
