package org.clausecam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clausecam.agent.Agent;
import org.clausecam.agent.AgentSettings;
import org.clausecam.capture.CapturedSource;
import org.clausecam.capture.Screenshot;
import org.clausecam.capture.Settling;
import org.clausecam.declarations.Selector;
import org.clausecam.declarations.SourceDocument;
import org.clausecam.declarations.Terms;
import org.clausecam.fetch.FetchedDocument;
import org.clausecam.fetch.FetcherKind;
import org.clausecam.store.Sha256;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import org.clausecam.store.StoredRecord;
import org.clausecam.track.CapturedTerms;
import org.clausecam.track.TermsJob;
import org.clausecam.url.WebHost;
import org.clausecam.url.WebUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Capture one page without a declaration: writes snapshot.html (or snapshot.pdf), "
                + "screenshot.png, version.md and capture.json into --out.",
                "With --service and --type the capture is also recorded in the store, like a tracked terms.",
                "A PDF is kept and extracted as it was received: it has no screenshot."},
        footer = {"", "Examples:",
                "  clausecam capture https://www.anthropic.com/legal/privacy --select main --out privacy",
                "  clausecam capture https://example.com/terms --execute-client-scripts --remove .cookie-banner --out terms",
                "  clausecam capture https://example.com/terms --service Example --type \"Terms of Service\""})
final class CaptureCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "The page (or PDF) to capture, http(s) only; read as a browser"
            + " reads it (spaces, [ ] and non-ASCII accepted).")
    String url;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the files (created if needed).")
    Path out;

    @Option(names = "--select", paramLabel = "CSS", description = "Keep only what matches (repeatable; default: the whole page).")
    List<String> select = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "CSS", description = "Drop what matches (repeatable).")
    List<String> remove = new ArrayList<>();

    @Option(names = "--execute-client-scripts", negatable = true,
            description = "Always render in Chromium (--no-execute-client-scripts: never). "
                    + "Default: plain HTTP, then Chromium if the answer looks bot-blocked or empty.")
    Boolean executeClientScripts;

    @Option(names = "--no-screenshot", negatable = false, description = "Skip the full-page screenshot.")
    boolean noScreenshot;

    @Option(names = "--no-resources", negatable = false,
            description = "Do not keep the responses rendered pages load (main document as received, stylesheets, "
                    + "scripts, images, fonts); they are what `export warc` needs to replay a page.")
    boolean noResources;

    @Option(names = "--service", paramLabel = "SERVICE", description = "Record the capture in the store under this service id…")
    String service;

    @Option(names = "--type", paramLabel = "TYPE", description = "…and this terms type (e.g. \"Privacy Policy\").")
    String type;

    @Mixin
    TermsTypesOption termsTypes;

    @Mixin
    StoreOption store;

    @Mixin
    CaptureSettings capture;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WebUrl page = checkUsage();
        SourceDocument document = new SourceDocument(null, page.toUri(), css(select), css(remove), List.of(), executeClientScripts,
                page.toString());
        String host = page.host().map(WebHost::serialized).orElse("");
        Terms terms = new Terms(service != null ? service : host, type != null ? type : "Capture", List.of(document), false);
        AgentSettings settings = capture.agentSettings(!noScreenshot, !noResources);
        // Every HTML page is pictured in Chromium: its start overlaps the set-up and the plain HTTP fetch.
        try (Agent agent = Agent.start(settings, service != null ? openStore() : null, !noScreenshot)) {
            CapturedTerms captured = agent.termsCapturer().capture(new TermsJob(terms));
            // A one-off capture is what the user asked to keep: no shrink guard.
            TermsJob job = new TermsJob(terms);
            StoredRecord stored = service != null ? agent.recorder(AgentVersion.current(), null).recordCapture(terms, captured,
                    fetchers -> agent.termsCapturer().versionWith(job, fetchers)).stored() : null;
            if (out != null) write(captured, stored);
            report(captured, stored);
            return 0;
        }
    }

    /** Opened (and proved writable) before anything is captured, and said first when it is new. */
    private Store openStore() throws StoreException {
        Store opened = store.open();
        store.sayIfCreated(spec.commandLine().getOut());
        return opened;
    }

    /** The URL as a browser reads it; a usage error when it is no http(s) URL. */
    private WebUrl checkUsage() {
        WebUrl page = WebUrl.parse(url, null)
                .filter(parsed -> parsed.scheme().equals("http") || parsed.scheme().equals("https"))
                .orElseThrow(() -> new UsageException("not an http(s) URL: " + url));
        try {
            page.toUri();
        } catch (IllegalArgumentException e) {
            throw new UsageException("not a URL this agent can fetch: " + url + " (" + e.getMessage() + ")");
        }
        RecordTarget.check(out, service, type, "capture", termsTypes::namedOrStandard);
        return page;
    }

    private void write(CapturedTerms captured, StoredRecord stored) throws IOException {
        Files.createDirectories(out);
        CapturedSource source = captured.sources().get(0);
        FetchedDocument d = source.document();
        String snapshotName = d.isPdf() ? "snapshot.pdf" : "snapshot.html";
        Files.write(out.resolve(snapshotName), d.content());
        Files.writeString(out.resolve("version.md"), captured.version(), StandardCharsets.UTF_8);
        Screenshot shot = source.screenshot();
        if (shot != null) Files.write(out.resolve("screenshot.png"), shot.png());

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode meta = json.createObjectNode();
        meta.put("url", d.requested().toString()).put("location", d.location().toString())
                .put("fetchedAt", d.fetchedAt().toString()).put("fetcher", d.fetcher().name().toLowerCase(Locale.ROOT))
                .put("status", d.status()).put("statusLine", d.statusLine()).put("mimeType", d.mimeType());
        meta.set("headers", json.valueToTree(d.headers()));
        meta.putPOJO("select", select).putPOJO("remove", remove);
        Settling settling = source.settling();
        if (d.fetcher() == FetcherKind.BROWSER) {
            ObjectNode settle = meta.putObject("settle").put("settled", settling.settled()).put("afterLoadMs", settling.waited().toMillis());
            if (!settling.settled()) settling.busy().forEach(settle.putArray("busy")::add);
        }
        source.notes().forEach(meta.putArray("notes")::add);
        ObjectNode files = meta.putObject("files");
        files.putObject(snapshotName).put("sha256", Sha256.hex(d.content())).put("bytes", d.content().length);
        byte[] version = captured.version().getBytes(StandardCharsets.UTF_8);
        files.putObject("version.md").put("sha256", Sha256.hex(version)).put("bytes", version.length);
        if (shot != null) {
            files.putObject("screenshot.png").put("sha256", Sha256.hex(shot.png())).put("bytes", shot.png().length)
                    .put("width", shot.width()).put("height", shot.height()).put("pageHeight", shot.pageHeight())
                    .put("stitched", shot.stitched()).put("truncated", shot.truncated());
        }
        if (stored != null) meta.putObject("record").put("service", service).put("termsType", type).put("id", stored.id())
                .put("store", store.uri).put("changed", stored.record().changed())
                .put("change", stored.record().change());
        meta.put("agentVersion", AgentVersion.current());
        json.writeValue(out.resolve("capture.json").toFile(), meta);
    }

    private void report(CapturedTerms captured, StoredRecord stored) {
        FetchedDocument d = captured.sources().get(0).document();
        Screenshot shot = captured.sources().get(0).screenshot();
        var o = spec.commandLine().getOut();
        o.printf("captured %s (%s, HTTP %d, %s)%n", d.location(), d.fetcher().name().toLowerCase(Locale.ROOT), d.status(), d.mimeType());
        if (shot != null) o.printf("screenshot: %d x %d px%s%n", shot.width(), shot.height(), shot.truncated() ? " (truncated)" : "");
        Settling settling = captured.sources().get(0).settling();
        if (d.fetcher() == FetcherKind.BROWSER && !settling.waited().isZero() && settling.settled()) {
            o.printf(Locale.ROOT, "settled %.1f s after load%n", settling.waited().toMillis() / 1000.0);
        }
        o.printf("version: %d characters%n", captured.version().length());
        captured.notes().forEach(note -> o.println("note: " + UserText.printable(note)));
        if (out != null) o.println("written to " + out);
        if (stored != null) {
            o.printf("recorded as %s / %s: %s (%s)%n", service, type, stored.id(),
                    stored.record().first() ? "first record" : stored.record().changed() ? "changed"
                            : stored.record().technical() ? "technical change: " + stored.record().changeReason() : "unchanged");
        }
    }

    private static List<Selector> css(List<String> selectors) {
        return selectors.stream().<Selector>map(Selector.Css::new).toList();
    }
}
