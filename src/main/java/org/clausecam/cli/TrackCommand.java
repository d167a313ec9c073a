package org.clausecam.cli;

import org.clausecam.agent.Agent;
import org.clausecam.agent.AgentSettings;
import org.clausecam.declarations.Declaration;
import org.clausecam.declarations.DeclarationLoader;
import org.clausecam.declarations.DeclarationProblem;
import org.clausecam.declarations.LoadedDeclarations;
import org.clausecam.declarations.Terms;
import org.clausecam.fetch.FetchFigures;
import org.clausecam.fetch.FetchPolicySettings;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.track.FinishedRun;
import org.clausecam.track.RunMetrics;
import org.clausecam.track.RunSummary;
import org.clausecam.track.Shard;
import org.clausecam.track.ShrinkGuard;
import org.clausecam.track.TermsJob;
import org.clausecam.track.TrackRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "track", mixinStandardHelpOptions = true,
        description = {"Capture every declared terms: fetch or render each source document, keep its snapshot "
                + "and full-page screenshot, extract the Markdown version, record it in the store and say "
                + "whether it changed.",
                "A declaration that cannot be read is reported and skipped; the others are still tracked (exit 2). "
                        + "SIGTERM or SIGINT stops the run: captures in flight end as interrupted, what is done is "
                        + "stored, the summary is printed (exit 4), and a re-run completes the rest."},
        exitCodeListHeading = "%nExit codes (when several apply, the highest wins):%n",
        exitCodeList = {
                "0:every terms was captured",
                "1:some terms failed for page reasons (fetch, extraction, blocked, browser, suspicious version)",
                "2:bad usage, or declarations that cannot be read or whose filters fail (the others are tracked)",
                "3:the store is unavailable (cannot be opened or written; nothing more could be kept)",
                "4:interrupted by SIGTERM/SIGINT (what was done is stored; a re-run completes the rest)"},
        footer = {"", "Examples:",
                "  clausecam track",
                "  clausecam track --services Claude.ai --types \"Privacy Policy\"",
                "  clausecam track --store s3://archive/genai --shard 0/4 --log-format json",
                "  JOB_COMPLETION_INDEX=2 CLAUSECAM_SHARDS=4 clausecam track      (shard 2/4)",
                "  clausecam track --metrics-file /var/lib/node_exporter/clausecam.prom",
                "",
                "Following a run: a start line (terms, hosts, concurrency, store, shard, screenshots), then per terms",
                "  [12/240] Mistral / Imprint: changed in 2.3 s · 3.1/min · ETA 1 h 10 min",
                "with its notes indented below, then the summary. Rate, ETA and a redrawn line of the terms in flight "
                        + "on a terminal only (--[no-]progress); --log-format json for events.",
                "",
                "Each run keeps its summary in the store, runs/START-shard-I-of-N-ID.json (docs/storage.md)."})
final class TrackCommand implements Callable<Integer> {

    @Option(names = "--declarations", paramLabel = "DIR", defaultValue = "${env:CLAUSECAM_DECLARATIONS:-declarations}",
            description = "Declarations folder, Open Terms Archive format. Default: $CLAUSECAM_DECLARATIONS, else declarations.")
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

    @Mixin
    ConcurrencyOptions concurrency;

    @Mixin
    TermsTypesOption termsTypes;

    @Mixin
    WebhookOptions webhooks;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Only the services of shard I of N (by a hash of the service id). Default: in a Kubernetes "
                    + "Indexed Job, shard $JOB_COMPLETION_INDEX of $CLAUSECAM_SHARDS (the manifest sets it to the Job's "
                    + "completions; one without the other is an error); else 0/1, every service. A shard that holds none of "
                    + "the services (a small collection) has nothing to do and exits 0.")
    String shard;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "At the end, also when the store is unavailable or the run was interrupted, write the run's "
                    + "metrics in Prometheus text format to FILE, replaced atomically (e.g. a node exporter's "
                    + "textfile folder: /var/lib/node_exporter/clausecam.prom).")
    Path metricsFile;

    @Option(names = "--no-screenshots", negatable = false, description = "Skip full-page screenshots (about twice as fast).")
    boolean noScreenshots;

    @Option(names = "--no-resources", negatable = false,
            description = "Do not keep the responses rendered pages load (main document as received, stylesheets, "
                    + "scripts, images, fonts); they are what `export warc` needs to replay a page.")
    boolean noResources;

    @Option(names = "--accept-shrink", negatable = false,
            description = "Record versions even when they lost most of the previous version's text "
                    + "(by default such a version is reported as suspicious and not recorded).")
    boolean acceptShrink;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a start line, a line per terms, the summary) or json (one JSON object per event on stdout: "
                    + "run-started, terms-started, terms-finished with URLs, fetchers and hashes, run-finished).")
    RunReport.Format logFormat;

    @Option(names = "--progress", negatable = true,
            description = "Live progress for text output: rate and ETA on each line, and a status line of the terms in flight "
                    + "redrawn in place. Default: on when stdout is a terminal; --no-progress gives plain lines without "
                    + "control characters, --progress forces it (e.g. under a terminal multiplexer that hides the terminal).")
    Boolean progress;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Set once the run's end was reported (summary, metrics): an error after that must not report it again. */
    private boolean finished;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Shard part = null;
        try {
            part = ShardChoice.of(shard, System.getenv());
            return track(part, started, runId);
        } catch (Exception e) {
            // A run that could not start (no store, bad usage) still tells the scheduler how it ended.
            if (!finished) writeMetrics(FinishedRun.beforeTracking(runId, part, started, Instant.now(), ExitCode.of(e).code(),
                    AgentVersion.current()));
            throw e;
        }
    }

    private int track(Shard part, Instant started, String runId) throws Exception {
        ConcurrencyOptions.Bounds bounds = concurrency.bounds();
        FetchPolicySettings policy = politeness.settings().toBuilder().pagesInFlight(bounds.maxBrowserCaptures()).build();
        if (!Files.isDirectory(declarations)) {
            throw new UsageException("declarations folder not found: " + declarations.toAbsolutePath()
                    + " (give one with --declarations DIR)");
        }
        webhooks.check(capture.allowPrivateNetwork);
        DeclarationLoader loader = new DeclarationLoader(declarations, termsTypes.forDeclarations(declarations));
        checkServicesExist(loader);

        LoadedDeclarations loaded = loader.loadAll();
        RunReport report = new RunReport(System.out, logFormat, progress != null ? progress : System.console() != null);
        int problems = 0;
        for (DeclarationProblem p : loaded.problems()) {
            if (selected(serviceOf(p.file())) && part.includes(serviceOf(p.file()))) {
                report.problem(p.toString());
                problems++;
            }
        }
        List<TermsJob> jobs = jobs(loaded.declarations(), part, loader);
        if (jobs.isEmpty() && problems == 0 && part.count() > 1 && !jobs(loaded.declarations(), Shard.ALL, loader).isEmpty()) {
            // Services go to shards by a hash: with few services some shards get none. Such a shard
            // has done all of its part; failing it (exit 2) would fail a whole Indexed Job.
            System.err.println("shard " + part + " holds none of the services selected in " + declarations
                    + " (services go to shards by a hash of their id): nothing to track");
            finished = true;
            writeMetrics(FinishedRun.beforeTracking(runId, part, started, Instant.now(), 0, AgentVersion.current()));
            return 0;
        }
        if (jobs.isEmpty() && problems == 0) {
            throw new UsageException("nothing to track in " + declarations + " with the given --services/--types/--shard");
        }

        AgentSettings settings = capture.agentSettings(!noScreenshots, !noResources, bounds.pagesInFlight(), policy);
        // Closed after the agent: on a signal the process ends only once the browser and the store are closed.
        try (StopOnSignal signals = StopOnSignal.install(System.err)) {
            Store opened = store.open();
            if (store.created() != null) report.storeCreated(store.created());
            try (Agent agent = Agent.start(settings, opened)) {
                TrackRun run = new TrackRun(agent.termsCapturer(),
                        agent.recorder(AgentVersion.current(), acceptShrink ? null : ShrinkGuard.defaults()), bounds.workers(),
                        webhooks.listening(report, opened, jobs, System.err));
                signals.stopWith(run::stop);
                report.starting(RunPlan.of(jobs, bounds, opened.describe(), part, !noScreenshots));
                RunSummary summary = run.run(jobs);
                ExitCode exit = ExitCode.of(summary, problems);
                FetchFigures fetching = agent.fetchFigures();
                report.summary(summary, fetching, exit.code());
                FinishedRun end = new FinishedRun(runId, part, started, Instant.now(), summary, fetching, exit.code(), AgentVersion.current());
                finished = true;
                // The metrics file first: it is local and quick, and on a signal the process has 10 s to end.
                writeMetrics(end);
                keepSummary(opened, end, report);
                signals.summarised(exit);
                webhooks.finish(System.err);
                return exit.code();
            }
        }
    }

    /**
     * The run's summary, into the store after every record of the run: a store that fails now
     * loses the summary only (said on stderr), never a record, and does not change the exit code.
     */
    private static void keepSummary(Store opened, FinishedRun end, RunReport report) {
        try {
            report.runSummaryKept(opened.putRunSummary(end.summaryName(), end.json()));
        } catch (StoreException e) {
            System.err.println("clausecam: the run's summary was not kept in the store: " + UserText.errorLine(e));
        }
    }

    private void writeMetrics(FinishedRun end) {
        if (metricsFile == null) return;
        try {
            MetricsFile.write(metricsFile, RunMetrics.exposition(end));
        } catch (IOException e) {
            System.err.println("clausecam: cannot write the metrics file " + metricsFile.toAbsolutePath() + ": " + UserText.errorLine(e));
        }
    }

    private List<TermsJob> jobs(List<Declaration> declarations, Shard part, DeclarationLoader loader) {
        List<TermsJob> jobs = new ArrayList<>();
        for (Declaration d : declarations) {
            if (!selected(d.serviceId()) || !part.includes(d.serviceId())) continue;
            for (Terms t : d.terms().values()) {
                if (types.isEmpty() || types.contains(t.type())) jobs.add(new TermsJob(t, d.filtersSource(),
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
