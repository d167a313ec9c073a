package org.clausecam.cli;

import org.clausecam.agent.Agent;
import org.clausecam.agent.AgentSettings;
import org.clausecam.declarations.Declaration;
import org.clausecam.declarations.DeclarationException;
import org.clausecam.declarations.DeclarationLoader;
import org.clausecam.declarations.IsoMoment;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.clausecam.extract.ExtractionException;
import org.clausecam.extract.Extractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Re-extract versions from snapshots laid out as an Open Terms Archive snapshots repository: "
                + "reads <Service>/<Terms type>.html|.pdf and <Service>/<Terms type> #<document id>.html|.pdf, "
                + "writes <Service>/<Terms type>.md.",
                "A terms that fails is reported and the others are still written; exit 1 if any failed."},
        footer = {"", "Example:",
                "  clausecam extract --declarations declarations --snapshots snapshots --out versions --date 2026-08-01"})
final class ExtractCommand implements Callable<Integer> {

    private static final List<String> EXTENSIONS = List.of(".html", ".pdf");

    @Option(names = "--declarations", paramLabel = "DIR", defaultValue = "${env:CLAUSECAM_DECLARATIONS:-declarations}",
            description = "Declarations folder (default: ${DEFAULT-VALUE}).")
    Path declarations;

    @Option(names = "--snapshots", paramLabel = "DIR", required = true, description = "Snapshots folder, one sub-folder per service.")
    Path snapshots;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the versions are written.")
    Path out;

    @Option(names = "--date", paramLabel = "ISO-8601",
            description = "Use the declarations and filters valid at this date (2026-08-01 or 2026-08-01T10:30:00Z); default: current.")
    String date;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(declarations)) throw new UsageException("declarations folder not found: " + declarations);
        if (!Files.isDirectory(snapshots)) throw new UsageException("snapshots folder not found: " + snapshots);
        Instant at = date == null ? null : parseDate(date);
        DeclarationLoader loader = new DeclarationLoader(declarations);
        // Declared filters run in the agent's Chromium; nothing is fetched.
        try (Agent agent = Agent.start(AgentSettings.defaults())) {
            return extractAll(agent.extractor(), loader, at);
        }
    }

    private int extractAll(Extractor extractor, DeclarationLoader loader, Instant at) throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int written = 0;
        List<String> failures = new ArrayList<>();
        for (Path serviceDir : sorted(snapshots)) {
            if (!Files.isDirectory(serviceDir)) continue;
            String service = serviceDir.getFileName().toString();
            TreeMap<String, Path> termsFiles = termsTypes(serviceDir);
            if (termsFiles.isEmpty()) continue;
            Declaration declaration;
            try {
                declaration = loader.declarationAt(service, at);
            } catch (DeclarationException e) {
                failures.add(service + ": " + e.getMessage());
                continue;
            }
            for (String type : termsFiles.keySet()) {
                try {
                    String version = extract(extractor, declaration, type, serviceDir);
                    Path target = out.resolve(service).resolve(type + ".md");
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, version, StandardCharsets.UTF_8);
                    written++;
                } catch (ExtractionException | IOException e) {
                    failures.add(service + " / " + type + ": " + e.getMessage());
                }
            }
        }
        failures.forEach(f -> err.println("failed: " + f));
        o.println(written + " versions written to " + out + ", " + failures.size() + " failed");
        o.flush();
        return failures.isEmpty() ? 0 : 1;
    }

    private static String extract(Extractor extractor, Declaration declaration, String type, Path serviceDir)
            throws ExtractionException, IOException {
        Terms terms = declaration.terms(type).orElseThrow(() -> new ExtractionException(
                "no terms \"" + type + "\" in the declaration of " + declaration.serviceId()));
        List<String> versions = new ArrayList<>();
        for (SourceDocument document : terms.sourceDocuments()) {
            String base = terms.combined() ? type + " #" + document.id() : type;
            Path file = snapshotFile(serviceDir, base).orElseThrow(() -> new ExtractionException(
                    "no snapshot " + serviceDir.resolve(base) + ".html (or .pdf) for " + document.location()));
            String mime = file.toString().endsWith(".pdf") ? "application/pdf" : "text/html";
            versions.add(extractor.extract(document, declaration.filtersSource(), Files.readAllBytes(file), mime, document.location()));
        }
        return Extractor.combine(versions);
    }

    private static Optional<Path> snapshotFile(Path serviceDir, String base) {
        for (String ext : EXTENSIONS) {
            Path p = serviceDir.resolve(base + ext);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Terms types present in a service's snapshots folder, from the file names. */
    private static TreeMap<String, Path> termsTypes(Path serviceDir) throws IOException {
        TreeMap<String, Path> types = new TreeMap<>();
        for (Path file : sorted(serviceDir)) {
            String name = file.getFileName().toString();
            String ext = EXTENSIONS.stream().filter(name::endsWith).findFirst().orElse(null);
            if (ext == null || !Files.isRegularFile(file)) continue;
            String stem = name.substring(0, name.length() - ext.length());
            int hash = stem.indexOf(" #");
            types.putIfAbsent(hash >= 0 ? stem.substring(0, hash) : stem, file);
        }
        return types;
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static Instant parseDate(String text) {
        return IsoMoment.startOf(text).orElseThrow(() -> new UsageException(
                "--date must be ISO-8601 (2026-08-01 or 2026-08-01T10:30:00Z), not '" + text + "'"));
    }
}
