package org.clausecam.cli;

import org.clausecam.notify.ChangeFeed;
import org.clausecam.store.Store;
import org.clausecam.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code clausecam feed}: an Atom feed of the store's changes, for feed readers. */
@Command(name = "feed",
        mixinStandardHelpOptions = true,
        description = {
                "Write an Atom feed (RFC 4287) of the store's changes of terms, newest first.",
                "One entry per record whose text differs from the previous capture's, titled \"<Service> — <Terms type> "
                        + "changed\", dated at the fetch date, summarised by the first lines of the text difference. First "
                        + "records (when tracking began) and e-mail evidence are not changes and get no entry.",
                "Run it after each track run (the file is replaced whole) and publish it beside the report.",
                "Exit 0 when written, 1 when the file could not be written, 2 on bad usage, 3 when the store is unavailable."},
        footer = {"", "Examples:",
                "  clausecam feed --store file:./data --out site/changes.xml",
                "  clausecam feed --out site/changes.xml --report-url https://terms.example.org/report/ \\",
                "      --self-url https://terms.example.org/changes.xml --services Claude.ai,ChatGPT",
                "", "For events during a run instead, see track --webhook."})
final class FeedCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--out", paramLabel = "FILE.xml", required = true, description = "The feed file (replaced whole).")
    Path out;

    @Option(names = "--report-url", paramLabel = "URL",
            description = "Where 'clausecam report' of this store is published: each entry then links to its change page.")
    String reportUrl;

    @Option(names = "--self-url", paramLabel = "URL", description = "Where the feed itself is published (its rel=\"self\" link).")
    String selfUrl;

    @Option(names = "--services", paramLabel = "SERVICE", split = ",", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "200", description = "Entries kept, the newest (default ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws StoreException, IOException {
        if (limit < 1) throw new UsageException("--limit must be at least 1, was " + limit);
        checkAbsolute("--report-url", reportUrl);
        checkAbsolute("--self-url", selfUrl);
        if (java.nio.file.Files.isDirectory(out)) {
            throw new UsageException("--out " + UserText.printable(out.toString()) + " is a folder; name the file to write (e.g. " + out.resolve("changes.xml") + ")");
        }
        try (Store opened = store.openExisting()) {
            StoredTerms.requireServices(opened, services);
            int entries = new ChangeFeed(opened).write(out, new ChangeFeed.Settings(Set.copyOf(services), reportUrl, selfUrl, limit,
                    AgentVersion.current()));
            spec.commandLine().getOut().printf("feed of %d change%s: %s%n", entries, entries == 1 ? "" : "s", out.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static void checkAbsolute(String option, String url) {
        if (url == null) return;
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null) throw new UsageException(option + " must be an absolute http(s) URL, was: " + url);
            if (uri.getRawUserInfo() != null) throw new UsageException(option + " must not carry credentials (user:password@)");
        } catch (java.net.URISyntaxException e) {
            throw new UsageException(option + " is not a URL: " + e.getMessage(), e);
        }
    }
}
