package org.clausecam.extract;

import org.clausecam.declarations.Declaration;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Snapshots laid out as an Open Terms Archive snapshots repository:
 * {@code <Service>/<Terms type>.html|.pdf}, and {@code <Service>/<Terms type> #<document id>.html|.pdf}
 * for each document of combined terms. The one way versions are re-extracted from recorded
 * snapshots: {@code clausecam extract} and the parity check both go through it.
 */
public final class SnapshotsFolder {

    private static final List<String> EXTENSIONS = List.of(".html", ".pdf");

    private final Path root;

    public SnapshotsFolder(Path root) {
        this.root = root;
    }

    /** The services with a folder of snapshots, sorted. */
    public List<String> services() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /** The terms types a service has snapshots of, from the file names, sorted. */
    public List<String> termsTypes(String service) throws IOException {
        TreeSet<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(root.resolve(service))) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                String ext = EXTENSIONS.stream().filter(name::endsWith).findFirst().orElse(null);
                if (ext == null || !Files.isRegularFile(file)) continue;
                String stem = name.substring(0, name.length() - ext.length());
                int hash = stem.indexOf(" #");
                types.add(hash >= 0 ? stem.substring(0, hash) : stem);
            }
        }
        return List.copyOf(types);
    }

    /**
     * The version of one terms from its snapshots, each document extracted with the declaration's
     * selectors and filters at its declared location, combined documents joined.
     *
     * @throws ExtractionException naming the file when a snapshot is missing or cannot be extracted
     */
    public String version(Extractor extractor, Declaration declaration, String type) throws ExtractionException, IOException {
        Terms terms = declaration.terms(type).orElseThrow(() -> new ExtractionException(
                "no terms \"" + type + "\" in the declaration of " + declaration.serviceId()));
        List<String> versions = new ArrayList<>();
        for (SourceDocument document : terms.sourceDocuments()) {
            Path file = snapshotOf(terms, document);
            String mime = file.toString().endsWith(".pdf") ? "application/pdf" : "text/html";
            try {
                versions.add(extractor.extract(document, declaration.filtersSource(), Files.readAllBytes(file), mime, document.location()));
            } catch (ExtractionException e) {
                throw new ExtractionException(file + ": " + e.getMessage(), e);
            }
        }
        return Extractor.combine(versions);
    }

    /**
     * The snapshot of one source document of a terms.
     *
     * @throws ExtractionException naming where it was looked for when there is none
     */
    public Path snapshotOf(Terms terms, SourceDocument document) throws ExtractionException {
        Path serviceDir = root.resolve(terms.service());
        String base = terms.combined() ? terms.type() + " #" + document.id() : terms.type();
        for (String ext : EXTENSIONS) {
            Path p = serviceDir.resolve(base + ext);
            if (Files.isRegularFile(p)) return p;
        }
        throw new ExtractionException("no snapshot " + serviceDir.resolve(base) + ".html (or .pdf) for " + document.location());
    }
}
