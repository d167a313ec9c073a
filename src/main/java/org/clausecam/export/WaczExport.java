package org.clausecam.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;

/**
 * Packages a WARC export as WACZ 1.1.1 (Webrecorder's Web Archive Collection Zipped): the WARC
 * at {@code archive/data.warc.gz}, its CDXJ index at {@code indexes/index.cdxj}, the pages at
 * {@code pages/pages.jsonl}, and {@code datapackage.json} listing each file with its SHA-256 and
 * size, itself digested in {@code datapackage-digest.json}.
 *
 * <p>Every entry is stored uncompressed: the WARC is gzip'ed record by record already, and
 * replay tools read records by offset straight out of the zip.
 */
public final class WaczExport {

    static final String WARC_NAME = "data.warc.gz";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Store store;
    private final String software;

    public WaczExport(Store store, String software) {
        this.store = store;
        this.software = software;
    }

    /** A written package: the captures and pages it holds. */
    public record Written(int captures, int pages) {
    }

    /**
     * @throws ExportException a blob could not be read, or the package could not be written
     * @throws StoreException  the store could not be listed
     */
    public Written write(ExportSelection selection, Path out) throws ExportException, StoreException {
        Path parent = out.toAbsolutePath().getParent();
        Path warc = parent.resolve("." + out.getFileName() + ".warc.gz.partial");
        Path partial = parent.resolve("." + out.getFileName() + ".partial");
        try {
            Files.createDirectories(parent);
            WarcExport.Written written = new WarcExport(store, software).write(selection, warc);
            List<PackagedFile> files = new ArrayList<>();
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                files.add(storeFile(zip, "archive/" + WARC_NAME, warc));
                files.add(storeBytes(zip, "indexes/index.cdxj", CdxjIndex.of(written.index(), WARC_NAME)));
                files.add(storeBytes(zip, "pages/pages.jsonl", pages(written.pages())));
                byte[] datapackage = datapackage(files, out.getFileName().toString());
                PackagedFile described = storeBytes(zip, "datapackage.json", datapackage);
                storeBytes(zip, "datapackage-digest.json", digest(described));
            }
            Files.delete(warc);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(written.captures(), written.pages().size());
        } catch (IOException e) {
            ExportException failure = new ExportException("cannot write " + out + ": " + e.getMessage(), e);
            PartialFiles.discard(failure, warc, partial);
            throw failure;
        }
    }

    /** One file of the package, as {@code datapackage.json} lists it. */
    private record PackagedFile(String path, String sha256, long bytes) {
    }

    private static byte[] pages(List<ExportedPage> pages) {
        StringBuilder out = new StringBuilder();
        ObjectNode header = JSON.createObjectNode();
        header.put("format", "json-pages-1.0");
        header.put("id", "pages");
        header.put("title", "All Pages");
        out.append(header).append('\n');
        int n = 0;
        for (ExportedPage page : pages) {
            ObjectNode line = JSON.createObjectNode();
            line.put("id", "page-" + (++n));
            line.put("url", page.url());
            line.put("ts", page.date().toString());
            line.put("title", page.title());
            out.append(line).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] datapackage(List<PackagedFile> files, String title) throws JsonProcessingException {
        ObjectNode o = PRETTY.createObjectNode();
        o.put("profile", "data-package");
        o.put("wacz_version", "1.1.1");
        o.put("title", title);
        o.put("created", Instant.now().toString());
        o.put("software", software);
        ArrayNode resources = o.putArray("resources");
        for (PackagedFile f : files) {
            ObjectNode r = resources.addObject();
            r.put("name", f.path().substring(f.path().lastIndexOf('/') + 1));
            r.put("path", f.path());
            r.put("hash", "sha256:" + f.sha256());
            r.put("bytes", f.bytes());
        }
        return PRETTY.writeValueAsBytes(o);
    }

    private static byte[] digest(PackagedFile datapackage) throws JsonProcessingException {
        ObjectNode o = PRETTY.createObjectNode();
        o.put("path", datapackage.path());
        o.put("hash", "sha256:" + datapackage.sha256());
        return PRETTY.writeValueAsBytes(o);
    }

    private static PackagedFile storeBytes(ZipOutputStream zip, String path, byte[] content) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        zip.putNextEntry(storedEntry(path, content.length, crc.getValue()));
        zip.write(content);
        zip.closeEntry();
        return new PackagedFile(path, HexFormat.of().formatHex(sha256().digest(content)), content.length);
    }

    /** A file stored as it is; read twice (checksum first, as a stored zip entry needs it up front), never held whole. */
    private static PackagedFile storeFile(ZipOutputStream zip, String path, Path file) throws IOException {
        CRC32 crc = new CRC32();
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) crc.update(buffer, 0, n);
        }
        long size = Files.size(file);
        zip.putNextEntry(storedEntry(path, size, crc.getValue()));
        Files.copy(file, zip);
        zip.closeEntry();
        return new PackagedFile(path, HexFormat.of().formatHex(sha256.digest()), size);
    }

    private static ZipEntry storedEntry(String path, long size, long crc) {
        ZipEntry entry = new ZipEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        return entry;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
