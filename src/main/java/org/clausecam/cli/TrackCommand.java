package org.clausecam.cli;

import org.clausecam.capture.SourceCapturer;
import org.clausecam.declarations.Declaration;
import org.clausecam.declarations.DeclarationLoader;
import org.clausecam.declarations.DeclarationProblem;
import org.clausecam.declarations.LoadedDeclarations;
import org.clausecam.declarations.Terms;
import org.clausecam.extract.Extractor;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.extract.SharedBrowserFilterRunner;
import org.clausecam.store.Store;
import org.clausecam.track.RunSummary;
import org.clausecam.track.Shard;
import org.clausecam.track.ShrinkGuard;
import org.clausecam.track.Tracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "track", mixinStandardHelpOptions = true,
        description = {"Capture every declared terms: fetch or render each source document, keep its snapshot "
                + "and full-page screenshot, extract the Markdown version, record it in the store and say "
                + "whether it changed.",
                "A declaration that cannot be read is reported and skipped; the others are still tracked. "
                        + "Exit 1 when any terms failed."},
        footer = {"", "Examples:",
                "  clausecam track",
                "  clausecam track --services Claude.ai --types \"Privacy Policy\"",
                "  clausecam track --store s3://archive/genai --shard 0/4 --log-format json"})
final class TrackCommand implements Callable<Integer> {

    @Option(names = "--declarations", paramLabel = "DIR", defaultValue = "${env:CLAUSECAM_DECLARATIONS:-declarations}",
            description = "Declarations folder, Open Terms Archive format (default: ${DEFAULT-VALUE}).")
    Path declarations;

    @Mixin
    StoreOption store;

    @Mixin
    CaptureSettings capture;

    @Mixin
    PolitenessOptions politeness;

    @Option(names = "--services", paramLabel = "SERVICE", split = ",", description = "Only these services (ids: file names without .json).")
    List<String> services = new ArrayList<>();

    @Option(names = "--types", paramLabel = "TYPE", split = ",", description = "Only these terms types.")
    List<String> types = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "2",
            description = "Terms captured at once, and pages loading at once in the one Chromium (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "0/1",
            description = "Only the services of shard I of N (by a hash of the service id), e.g. $(JOB_COMPLETION_INDEX)/4.")
    String shard;

    @Option(names = "--no-screenshots", negatable = false, description = "Skip full-page screenshots (about twice as fast).")
    boolean noScreenshots;

    @Option(names = "--accept-shrink", negatable = false,
            description = "Record versions even when they lost most of the previous version's text "
                    + "(by default such a version is reported as suspicious and not recorded).")
    boolean acceptShrink;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (progress and summary) or json (one JSON object per event on stdout).")
    RunReport.Format logFormat;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1) throw new UsageException("--concurrency must be at least 1");
        FetchPolicySettings policy = politeness.settings();
        Shard part;
        try {
            part = Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (!Files.isDirectory(declarations)) {
            throw new UsageException("declarations folder not found: " + declarations.toAbsolutePath()
                    + " (give one with --declarations DIR)");
        }
        DeclarationLoader loader = new DeclarationLoader(declarations);
        checkServicesExist(loader);

        LoadedDeclarations loaded = loader.loadAll();
        RunReport report = new RunReport(System.out, logFormat, System.console() != null);
        int problems = 0;
        for (DeclarationProblem p : loaded.problems()) {
            if (selected(serviceOf(p.file())) && part.includes(serviceOf(p.file()))) {
                report.problem(p.toString());
                problems++;
            }
        }
        List<Tracker.Job> jobs = jobs(loaded.declarations(), part, loader);
        if (jobs.isEmpty() && problems == 0) {
            throw new UsageException("nothing to track in " + declarations + " with the given --services/--types/--shard");
        }

        try (Store s = store.open()) {
            if (store.created() != null) report.storeCreated(store.created());
            Extractor extractor = new Extractor(new SharedBrowserFilterRunner());
            SourceCapturer capturer = capture.sourceCapturer(!noScreenshots, concurrency, policy);
            Tracker tracker = new Tracker(s, capturer, extractor, AgentVersion.current(), concurrency, report,
                    acceptShrink ? null : ShrinkGuard.defaults());
            RunSummary summary = tracker.run(jobs);
            report.summary(summary, capturer.figures());
            return problems > 0 ? 1 : summary.exitCode();
        }
    }

    private List<Tracker.Job> jobs(List<Declaration> declarations, Shard part, DeclarationLoader loader) {
        Set<String> knownTypes = new LinkedHashSet<>();
        List<Tracker.Job> jobs = new ArrayList<>();
        for (Declaration d : declarations) {
            if (!selected(d.serviceId()) || !part.includes(d.serviceId())) continue;
            for (Terms t : d.terms().values()) {
                knownTypes.add(t.type());
                if (types.isEmpty() || types.contains(t.type())) jobs.add(new Tracker.Job(t, d.filtersSource(),
                        d.filtersSource() == null ? null : loader.filtersFile(d.serviceId())));
            }
        }
        return jobs;
    }

    private void checkServicesExist(DeclarationLoader loader) throws IOException {
        List<String> known = loader.serviceIds();
        for (String s : services) {
            if (!known.contains(s)) {
                throw new UsageException("no declaration of service '" + s + "' in " + declarations + " (known: "
                        + String.join(", ", known.subList(0, Math.min(20, known.size()))) + (known.size() > 20 ? ", …" : "") + ")");
            }
        }
    }

    private boolean selected(String serviceId) {
        return services.isEmpty() || services.contains(serviceId);
    }

    private static String serviceOf(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : new String[] {".filters.history.js", ".history.json", ".filters.js", ".json"}) {
            if (name.endsWith(suffix)) return name.substring(0, name.length() - suffix.length());
        }
        return name;
    }
}
