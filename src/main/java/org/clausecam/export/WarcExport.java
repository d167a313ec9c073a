package org.clausecam.export;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes a store's page captures as one WARC 1.1 file (ISO 28500), each record its own gzip
 * member: a {@code warcinfo} record, then each capture's records ({@link CaptureWarcWriter}),
 * oldest capture first. Written beside the target and moved into place once whole.
 */
public final class WarcExport {

    private final Store store;
    private final String software;

    /** @param software what wrote the file, for {@code warcinfo} (e.g. "Clausecam 0.1.0") */
    public WarcExport(Store store, String software) {
        this.store = store;
        this.software = software;
    }

    /**
     * What an export wrote.
     *
     * @param captures the captures exported
     * @param pages    their pages, one per source document
     * @param index    the replayable records (responses, screenshots, DOMs, versions) and where they sit
     */
    public record Written(int captures, List<ExportedPage> pages, List<WarcIndexEntry> index) {
    }

    /**
     * @throws ExportException a blob could not be read, or the file could not be written
     * @throws StoreException  the store could not be listed
     */
    public Written write(ExportSelection selection, Path out) throws ExportException, StoreException {
        List<StoredRecord> captures = SelectedCaptures.in(store, selection);
        Path parent = out.toAbsolutePath().getParent();
        Path partial = parent.resolve("." + out.getFileName() + ".partial");
        List<ExportedPage> pages = new ArrayList<>();
        List<WarcIndexEntry> index = new ArrayList<>();
        try {
            Files.createDirectories(parent);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 WarcWriter warc = new WarcWriter(channel, WarcCompression.GZIP)) {
                URI warcinfo = URI.create("urn:uuid:" + UUID.randomUUID());
                warc.write(warcinfo(warcinfo, out.getFileName().toString()));
                CaptureWarcWriter captureWriter = new CaptureWarcWriter(warc, store, warcinfo, index::add);
                for (StoredRecord capture : captures) {
                    pages.addAll(captureWriter.write(capture));
                }
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            ExportException failure = new ExportException("cannot write " + out + ": " + e.getMessage(), e);
            PartialFiles.discard(failure, partial);
            throw failure;
        } catch (ExportException e) {
            PartialFiles.discard(e, partial);
            throw e;
        }
        return new Written(captures.size(), pages, index);
    }

    private Warcinfo warcinfo(URI id, String filename) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of(software));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put("conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
        fields.put("description", List.of("Captures of online terms and policies exported from a Clausecam store; "
                + "urn:fullPage: full-page screenshots, urn:dom: settled DOMs, urn:markdown: versions"));
        return new Warcinfo.Builder().recordId(id).filename(filename).fields(fields).build();
    }
}
