package org.clausecam.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A parity case (Open Terms Archive corpus layout) whose one source document is a PDF: its
 * location, snapshot and expected version. The declaration is not read: a PDF's version does not
 * depend on it (selectors, removals and filters apply to HTML only).
 */
record PdfParityCase(Path dir, URI location, Path snapshot, Path expectedFile) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The cases under {@code root} whose snapshot is a PDF. */
    static List<PdfParityCase> under(Path root) throws IOException {
        List<PdfParityCase> cases = new java.util.ArrayList<>();
        for (Path dir : ParityCheck.caseDirs(root)) {
            PdfParityCase parityCase = read(dir);
            if (parityCase.snapshot.toString().endsWith(".pdf")) cases.add(parityCase);
        }
        return cases;
    }

    static PdfParityCase read(Path dir) throws IOException {
        JsonNode c = JSON.readTree(dir.resolve("case.json").toFile());
        JsonNode source = c.get("sourceDocuments").get(0);
        return new PdfParityCase(dir, URI.create(source.get("location").asText()), dir.resolve(source.get("file").asText()),
                dir.resolve("expected").resolve(c.get("service").asText()).resolve(c.get("termsType").asText() + ".md"));
    }

    byte[] pdf() throws IOException {
        return Files.readAllBytes(snapshot);
    }

    String expected() throws IOException {
        return Files.readString(expectedFile, StandardCharsets.UTF_8);
    }

    String extract(Extractor extractor) throws IOException, ExtractionException {
        return extractor.extract(null, null, pdf(), "application/pdf", location);
    }

    @Override
    public String toString() {
        return dir.getFileName().toString();
    }
}
