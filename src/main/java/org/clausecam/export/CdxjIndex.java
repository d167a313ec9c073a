package org.clausecam.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netpreserve.jwarc.URIs;

/**
 * The CDXJ index of a WARC file, as WACZ and pywb read it: one line per replayable record,
 * {@code <SURT key> <14-digit timestamp> <JSON>}, sorted, so that a reader finds a URL by binary
 * search. Keys are jwarc's normalised SURT for http(s) URLs; {@code urn:} names are their own key.
 */
final class CdxjIndex {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CdxjIndex() {
    }

    static byte[] of(List<WarcIndexEntry> entries, String warcName) {
        List<String> lines = new ArrayList<>();
        for (WarcIndexEntry e : entries) {
            ObjectNode fields = JSON.createObjectNode();
            fields.put("url", e.url());
            if (e.mime() != null) fields.put("mime", e.mime());
            if (e.status() > 0) fields.put("status", Integer.toString(e.status()));
            fields.put("digest", e.digest());
            fields.put("length", Long.toString(e.length()));
            fields.put("offset", Long.toString(e.offset()));
            fields.put("filename", warcName);
            lines.add(key(e.url()) + " " + TIMESTAMP.format(e.date()) + " " + fields);
        }
        lines.sort(null);
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String key(String url) {
        return URIs.hasHttpOrHttpsScheme(url) ? URIs.toNormalizedSurt(url) : url.toLowerCase(Locale.ROOT);
    }
}
