package org.clausecam.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of records and heads, field by field. Written by hand rather than by reflection so
 * that renaming a Java component can never silently change the documented format, and so that
 * field order is fixed (records are hashed as stored).
 */
final class RecordCodec {

    static final String RECORD_FORMAT = "clausecam-record/1";
    static final String HEAD_FORMAT = "clausecam-head/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecordCodec() {
    }

    /** The record's stored bytes, with its sequence number in the chain. */
    static byte[] encode(CaptureRecord r, long sequence) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", RECORD_FORMAT);
        o.put("sequence", sequence);
        o.put("service", r.service());
        o.put("termsType", r.termsType());
        o.put("fetchDate", r.fetchDate().toString());
        o.put("kind", r.kind());
        ArrayNode docs = o.putArray("documents");
        for (DocumentCapture d : r.documents()) {
            ObjectNode n = docs.addObject();
            n.put("documentId", d.documentId());
            n.put("requested", d.requested());
            n.put("location", d.location());
            n.put("fetcher", d.fetcher());
            n.put("status", d.status());
            n.put("statusLine", d.statusLine());
            putHeaders(n.putObject("headers"), d.headers());
            n.put("mimeType", d.mimeType());
            n.put("snapshot", d.snapshot());
            n.put("screenshot", d.screenshot());
            n.put("screenshotHeight", d.screenshotHeight());
            if (!d.notes().isEmpty()) {
                ArrayNode notes = n.putArray("notes");
                d.notes().forEach(notes::add);
            }
            if (!d.resources().isEmpty()) {
                ArrayNode resources = n.putArray("resources");
                d.resources().forEach(resource -> encodeResource(resource, resources.addObject()));
            }
        }
        o.put("version", r.version());
        o.put("changed", r.changed());
        if (r.change() != null) {
            o.put("change", r.change());
            o.put("changeReason", r.changeReason());
        }
        o.put("previous", r.previous());
        o.put("declaration", r.declaration());
        o.put("agentVersion", r.agentVersion());
        return write(o);
    }

    private static void encodeResource(ResourceCapture resource, ObjectNode n) {
        n.put("url", resource.url());
        n.put("method", resource.method());
        // Only when kept, so that resources recorded without them are written byte for byte as before.
        if (!resource.requestHeaders().isEmpty()) putHeaders(n.putObject("requestHeaders"), resource.requestHeaders());
        n.put("status", resource.status());
        n.put("statusLine", resource.statusLine());
        putHeaders(n.putObject("headers"), resource.headers());
        n.put("mime", resource.mime());
        n.put("body", resource.body());
    }

    private static void putHeaders(ObjectNode headers, Map<String, List<String>> values) {
        if (values == null) return;
        values.forEach((name, list) -> {
            ArrayNode a = headers.putArray(name);
            if (list != null) list.forEach(a::add);
        });
    }

    /** A record read back, with the sequence number it claims. */
    record Decoded(long sequence, CaptureRecord record) {
    }

    static Decoded decode(byte[] bytes, String key) throws StoreException {
        JsonNode o = parse(bytes, key);
        try {
            requireFormat(o, RECORD_FORMAT, key);
            List<DocumentCapture> documents = new ArrayList<>();
            for (JsonNode n : required(o, "documents")) {
                documents.add(new DocumentCapture(
                        text(n, "documentId"), text(n, "requested"), text(n, "location"), text(n, "fetcher"),
                        required(n, "status").asInt(), text(n, "statusLine"), headers(n), text(n, "mimeType"),
                        requiredText(n, "snapshot"), text(n, "screenshot"),
                        n.path("screenshotHeight").isNumber() ? n.get("screenshotHeight").asInt() : null, notes(n),
                        resources(n)));
            }
            CaptureRecord record = new CaptureRecord(
                    requiredText(o, "service"), requiredText(o, "termsType"),
                    Instant.parse(requiredText(o, "fetchDate")), requiredText(o, "kind"), documents,
                    requiredText(o, "version"), required(o, "changed").asBoolean(), text(o, "previous"),
                    text(o, "declaration"), text(o, "agentVersion"), text(o, "change"), text(o, "changeReason"));
            return new Decoded(required(o, "sequence").asLong(), record);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new StoreException("record " + key + " is malformed: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<String>> headers(JsonNode owner) {
        return headers(owner, "headers");
    }

    /** The headers under {@code field}; none when the field is absent (older records). */
    private static Map<String, List<String>> headers(JsonNode owner, String field) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : owner.path(field).properties()) {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            headers.put(e.getKey(), values);
        }
        return headers;
    }

    /** A document's kept responses; none in records written before they were kept, or with --no-resources. */
    private static List<ResourceCapture> resources(JsonNode document) throws StoreException {
        List<ResourceCapture> resources = new ArrayList<>();
        for (JsonNode n : document.path("resources")) {
            resources.add(new ResourceCapture(requiredText(n, "url"), requiredText(n, "method"), required(n, "status").asInt(),
                    text(n, "statusLine"), headers(n), text(n, "mime"), Sha256.requireHash("body", requiredText(n, "body")),
                    headers(n, "requestHeaders")));
        }
        return resources;
    }

    /** A document's notes; none in records written before notes were kept. */
    private static List<String> notes(JsonNode document) {
        List<String> notes = new ArrayList<>();
        document.path("notes").forEach(note -> notes.add(note.asText()));
        return notes;
    }

    /** The pointer to a terms' latest record: its sequence number, key and SHA-256. */
    record Head(long sequence, String recordKey, String sha256) {
    }

    static final String STORE_FORMAT = "clausecam-store/1";

    /** The store's marker: its layout version and when it was created. */
    static byte[] encodeMarker(Instant created) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", STORE_FORMAT);
        o.put("layout", "docs/storage.md");
        o.put("created", created.toString());
        return write(o);
    }

    static byte[] encodeHead(Head head) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", HEAD_FORMAT);
        o.put("sequence", head.sequence());
        o.put("id", StoreLayout.id(head.sequence()));
        o.put("record", head.recordKey());
        o.put("sha256", head.sha256());
        return write(o);
    }

    static Head decodeHead(byte[] bytes, String key) throws StoreException {
        JsonNode o = parse(bytes, key);
        try {
            requireFormat(o, HEAD_FORMAT, key);
            long sequence = required(o, "sequence").asLong();
            if (sequence < 1 || sequence > StoreLayout.MAX_SEQUENCE) throw new IllegalArgumentException("sequence out of range: " + sequence);
            return new Head(sequence, requiredText(o, "record"), Sha256.requireHash("sha256", requiredText(o, "sha256")));
        } catch (IllegalArgumentException e) {
            throw new StoreException("head " + key + " is malformed: " + e.getMessage(), e);
        }
    }

    private static byte[] write(ObjectNode o) {
        try {
            return (JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static JsonNode parse(byte[] bytes, String key) throws StoreException {
        try {
            JsonNode o = JSON.readTree(bytes);
            if (o == null || !o.isObject()) throw new StoreException(key + " is not a JSON object");
            return o;
        } catch (IOException e) {
            throw new StoreException(key + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void requireFormat(JsonNode o, String format, String key) {
        String actual = o.path("format").asText(null);
        if (!format.equals(actual)) throw new IllegalArgumentException("format is " + actual + ", expected " + format);
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) throw new IllegalArgumentException("field \"" + field + "\" is missing");
        return n;
    }

    private static String requiredText(JsonNode o, String field) {
        return required(o, field).asText();
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
