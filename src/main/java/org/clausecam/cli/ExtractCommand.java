package org.clausecam.cli;

import org.clausecam.agent.Agent;
import org.clausecam.agent.AgentSettings;
import org.clausecam.declarations.Declaration;
import org.clausecam.declarations.DeclarationException;
import org.clausecam.declarations.DeclarationLoader;
import org.clausecam.declarations.IsoMoment;
import org.clausecam.extract.ExtractionException;
import org.clausecam.extract.Extractor;
import org.clausecam.extract.RecordingEngine;
import org.clausecam.extract.SnapshotsFolder;
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
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Re-extract versions from snapshots laid out as an Open Terms Archive snapshots repository: "
                + "reads <Service>/<Terms type>.html|.pdf and <Service>/<Terms type> #<document id>.html|.pdf, "
                + "writes <Service>/<Terms type>.md.",
                "A terms that fails is reported and the others are still written; exit 1 if any failed."},
        footer = {"", "Examples:",
                "  clausecam extract --declarations declarations --snapshots snapshots --out versions --date 2026-08-01",
                "  clausecam extract --declarations declarations --snapshots snapshots --out versions --engine 11.0.2"})
final class ExtractCommand implements Callable<Integer> {

    @Option(names = "--declarations", paramLabel = "DIR", defaultValue = "${env:CLAUSECAM_DECLARATIONS:-declarations}",
            description = "Declarations folder. Default: $CLAUSECAM_DECLARATIONS, else declarations.")
    Path declarations;

    @Option(names = "--snapshots", paramLabel = "DIR", required = true, description = "Snapshots folder, one sub-folder per service.")
    Path snapshots;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the versions are written.")
    Path out;

    @Option(names = "--date", paramLabel = "ISO-8601",
            description = "Use the declarations and filters valid at this date (2026-08-01 or 2026-08-01T10:30:00Z); default: current.")
    String date;

    @Option(names = "--engine", paramLabel = "VERSION",
            description = "Reproduce the versions Open Terms Archive's engine VERSION recorded (the X-engine-version trailer "
                    + "of the versions repository's commits): before 14.0.0 declared filters see Node 22's "
                    + "URLSearchParams(null), empty. Default: today's engine.")
    String engine;

    @picocli.CommandLine.Mixin
    TermsTypesOption termsTypes;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(declarations)) throw new UsageException("declarations folder not found: " + declarations);
        if (!Files.isDirectory(snapshots)) throw new UsageException("snapshots folder not found: " + snapshots);
        Instant at = date == null ? null : parseDate(date);
        RecordingEngine recordedBy = engine == null ? RecordingEngine.current() : parseEngine(engine);
        DeclarationLoader loader = new DeclarationLoader(declarations, termsTypes.forDeclarations(declarations));
        // Declared filters run in the agent's Chromium; nothing is fetched.
        try (Agent agent = Agent.start(AgentSettings.defaults())) {
            return extractAll(agent.extractor().forEngine(recordedBy), loader, at);
        }
    }

    private int extractAll(Extractor extractor, DeclarationLoader loader, Instant at) throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SnapshotsFolder folder = new SnapshotsFolder(snapshots);
        int written = 0;
        List<String> failures = new ArrayList<>();
        for (String service : folder.services()) {
            List<String> types = folder.termsTypes(service);
            if (types.isEmpty()) continue;
            Declaration declaration;
            try {
                declaration = loader.declarationAt(service, at);
            } catch (DeclarationException e) {
                failures.add(service + ": " + e.getMessage());
                continue;
            }
            for (String type : types) {
                try {
                    String version = folder.version(extractor, declaration, type);
                    Path target = out.resolve(service).resolve(type + ".md");
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, version, StandardCharsets.UTF_8);
                    written++;
                } catch (ExtractionException | IOException e) {
                    failures.add(service + " / " + type + ": " + e.getMessage());
                }
            }
        }
        failures.forEach(f -> err.println("failed: " + UserText.printable(f)));
        o.println(written + " versions written to " + out + ", " + failures.size() + " failed");
        o.flush();
        return failures.isEmpty() ? 0 : 1;
    }

    private static Instant parseDate(String text) {
        return IsoMoment.startOf(text).orElseThrow(() -> new UsageException(
                "--date must be ISO-8601 (2026-08-01 or 2026-08-01T10:30:00Z), not '" + text + "'"));
    }

    private static RecordingEngine parseEngine(String text) {
        try {
            return RecordingEngine.of(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--engine: " + e.getMessage(), e);
        }
    }
}
