package org.clausecam.export;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CDXJ index a WACZ carries: SURT keys, 14-digit timestamps, sorted for binary search. */
@Tag("unit")
class CdxjIndexTest {

    private static final Instant JAN = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void linesAreSortedBySurtKeyThenTimestampWithWhereEachRecordSits() {
        List<WarcIndexEntry> entries = List.of(
                new WarcIndexEntry("https://www.example.com/terms", JAN.plusSeconds(60), "text/html", 200, "sha256:b", 900, 400),
                new WarcIndexEntry("urn:fullPage:https://www.example.com/terms", JAN, "image/png", 0, "sha256:c", 1300, 5000),
                new WarcIndexEntry("https://www.example.com/terms", JAN, "text/html", 200, "sha256:a", 100, 400),
                new WarcIndexEntry("https://cdn.example.org/style.css", JAN, "text/css", 200, "sha256:d", 500, 300));

        List<String> lines = List.of(new String(CdxjIndex.of(entries, "data.warc.gz"), StandardCharsets.UTF_8).split("\n"));

        assertEquals(List.of(
                "com,example)/terms 20260102030405 {\"url\":\"https://www.example.com/terms\",\"mime\":\"text/html\",\"status\":\"200\","
                        + "\"digest\":\"sha256:a\",\"length\":\"400\",\"offset\":\"100\",\"filename\":\"data.warc.gz\"}",
                "com,example)/terms 20260102030505 {\"url\":\"https://www.example.com/terms\",\"mime\":\"text/html\",\"status\":\"200\","
                        + "\"digest\":\"sha256:b\",\"length\":\"400\",\"offset\":\"900\",\"filename\":\"data.warc.gz\"}",
                "org,example,cdn)/style.css 20260102030405 {\"url\":\"https://cdn.example.org/style.css\",\"mime\":\"text/css\","
                        + "\"status\":\"200\",\"digest\":\"sha256:d\",\"length\":\"300\",\"offset\":\"500\",\"filename\":\"data.warc.gz\"}",
                "urn:fullpage:https://www.example.com/terms 20260102030405 {\"url\":\"urn:fullPage:https://www.example.com/terms\","
                        + "\"mime\":\"image/png\",\"digest\":\"sha256:c\",\"length\":\"5000\",\"offset\":\"1300\",\"filename\":\"data.warc.gz\"}"),
                lines);
    }
}
