package org.clausecam.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clausecam.declarations.Declaration;
import org.clausecam.declarations.DeclarationException;
import org.clausecam.declarations.DeclarationLoader;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.clausecam.declarations.TermsTypesException;

/**
 * One parity case folder (Open Terms Archive corpus layout): {@code case.json}, the declarations
 * of its service (with the collection's own {@code terms-types/termsTypes.json} when it has one),
 * its snapshots laid out as a snapshots repository, and the expected version. It is extracted
 * exactly as {@code clausecam extract --engine <engineVersion>} extracts it: through
 * {@link SnapshotsFolder} with {@link Extractor#forEngine}.
 */
record ParityCase(Path dir, String service, String termsType, Declaration declaration, RecordingEngine engine) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ParityCase read(Path dir) throws IOException {
        JsonNode c = JSON.readTree(Files.readAllBytes(dir.resolve("case.json")));
        String service = c.get("service").asText();
        String termsType = c.get("termsType").asText();
        String separator = c.hasNonNull("documentSeparator") ? c.get("documentSeparator").asText() : Extractor.DOCUMENT_SEPARATOR;
        if (!separator.equals(Extractor.DOCUMENT_SEPARATOR)) {
            throw new IOException(dir + ": documents joined by " + JSON.writeValueAsString(separator) + ", not Open Terms Archive's separator");
        }
        Declaration declaration;
        try {
            // The case's declaration as recorded: the engine ignores history files when it records.
            declaration = DeclarationLoader.forCollection(dir.resolve("declarations")).load(service);
        } catch (DeclarationException | TermsTypesException e) {
            throw new IOException(dir + ": " + e.getMessage(), e);
        }
        RecordingEngine engine = c.hasNonNull("engineVersion") ? RecordingEngine.of(c.get("engineVersion").asText()) : RecordingEngine.current();
        return new ParityCase(dir, service, termsType, declaration, engine);
    }

    Path expectedFile() {
        return dir.resolve("expected").resolve(service).resolve(termsType + ".md");
    }

    String expected() throws IOException {
        return Files.readString(expectedFile(), StandardCharsets.UTF_8);
    }

    Terms terms() throws IOException {
        return declaration.terms(termsType)
                .orElseThrow(() -> new IOException(dir + ": the declaration of " + service + " has no terms \"" + termsType + "\""));
    }

    /** The snapshot of each source document, in the declaration's order. */
    List<Path> snapshots() throws IOException, ExtractionException {
        List<Path> files = new ArrayList<>();
        for (SourceDocument document : terms().sourceDocuments()) files.add(new SnapshotsFolder(dir.resolve("snapshots")).snapshotOf(terms(), document));
        return files;
    }

    boolean usesFilters() {
        return declaration.terms(termsType).stream().flatMap(t -> t.sourceDocuments().stream()).anyMatch(d -> !d.filters().isEmpty());
    }

    /** The version, as {@code clausecam extract} would write it for this case's engine. */
    String extract(Extractor extractor) throws IOException, ExtractionException {
        return new SnapshotsFolder(dir.resolve("snapshots")).version(extractor.forEngine(engine), declaration, termsType);
    }
}
