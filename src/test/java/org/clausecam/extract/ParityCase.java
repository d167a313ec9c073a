package org.clausecam.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clausecam.declarations.Declaration;
import org.clausecam.declarations.DeclarationException;
import org.clausecam.declarations.DeclarationLoader;
import org.clausecam.declarations.SourceDocument;

/**
 * One parity case folder (Open Terms Archive corpus layout): {@code case.json}, the declaration
 * (and filters) of its service, its snapshots and the expected version.
 */
record ParityCase(Path dir, String service, String termsType, List<URI> locations, List<Path> snapshots,
                  List<String> mimeTypes, List<SourceDocument> documents, String filtersSource, String separator,
                  String engineVersion) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ParityCase read(Path dir) throws IOException {
        JsonNode c = JSON.readTree(Files.readAllBytes(dir.resolve("case.json")));
        String service = c.get("service").asText();
        String termsType = c.get("termsType").asText();
        List<URI> locations = new ArrayList<>();
        List<Path> snapshots = new ArrayList<>();
        List<String> mimeTypes = new ArrayList<>();
        JsonNode details = c.path("snapshotDetails");
        int i = 0;
        for (JsonNode source : c.get("sourceDocuments")) {
            locations.add(URI.create(source.get("location").asText()));
            snapshots.add(dir.resolve(source.get("file").asText()));
            JsonNode detail = details.size() > i ? details.get(i) : null;
            String file = source.get("file").asText();
            mimeTypes.add(detail != null && detail.has("mimeType") ? detail.get("mimeType").asText()
                    : file.endsWith(".pdf") ? "application/pdf" : "text/html");
            i++;
        }
        Path declarations = dir.resolve("declarations");
        Declaration declaration;
        try {
            declaration = new DeclarationLoader(declarations).load(service);
        } catch (DeclarationException e) {
            throw new IOException(dir + ": " + e.getMessage(), e);
        }
        List<SourceDocument> documents = declaration.terms(termsType)
                .orElseThrow(() -> new IOException(dir + ": the declaration of " + service + " has no terms \"" + termsType + "\""))
                .sourceDocuments();
        String filtersSource = declaration.filtersSource();
        String separator = c.hasNonNull("documentSeparator") ? c.get("documentSeparator").asText() : Extractor.DOCUMENT_SEPARATOR;
        String engineVersion = c.hasNonNull("engineVersion") ? c.get("engineVersion").asText() : null;
        return new ParityCase(dir, service, termsType, locations, snapshots, mimeTypes, documents, filtersSource, separator,
                engineVersion);
    }

    Path expectedFile() {
        return dir.resolve("expected").resolve(service).resolve(termsType + ".md");
    }

    String expected() throws IOException {
        return Files.readString(expectedFile(), StandardCharsets.UTF_8);
    }

    /**
     * Whether Open Terms Archive recorded this case with an engine before 14.0.0, which its
     * production ran on Node 22 or older (see the corpus README).
     */
    boolean recordedOnNode22() {
        if (engineVersion == null) return false;
        try {
            return Integer.parseInt(engineVersion.split("\\.")[0]) < 14;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    boolean usesFilters() {
        return documents.stream().anyMatch(d -> !d.filters().isEmpty());
    }

    /** Extracts every source document and combines the versions. */
    String extract(Extractor extractor) throws IOException, ExtractionException {
        if (documents.size() != snapshots.size()) {
            throw new IOException(dir + ": the declaration has " + documents.size() + " source documents, the case " + snapshots.size());
        }
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            versions.add(extractor.extract(documents.get(i), filtersSource, Files.readAllBytes(snapshots.get(i)),
                    mimeTypes.get(i), locations.get(i)));
        }
        return String.join(separator, versions);
    }
}
