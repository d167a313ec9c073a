package org.clausecam.cli;

import org.clausecam.fetch.FetchException;
import org.clausecam.fetch.NetworkGuard;
import org.clausecam.notify.WebhookDelivery;
import org.clausecam.notify.WebhookNotifier;
import org.clausecam.notify.WebhookSender;
import org.clausecam.notify.WebhookTarget;
import org.clausecam.store.Store;
import org.clausecam.store.TermsKey;
import org.clausecam.track.TermsJob;
import org.clausecam.track.TermsOutcome;
import org.clausecam.track.TrackListener;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code track --webhook}: JSON events POSTed during the run, from a thread of their own. */
final class WebhookOptions {

    @Option(names = "--webhook", paramLabel = "URL",
            description = "POST a JSON event to URL for each terms recorded for the first time, each change and each "
                    + "failure (repeatable: every URL gets every event). Sent from a thread of its own, retried with "
                    + "backoff, never failing or holding up the run; refused for private addresses unless "
                    + "--allow-private-network; a URL with user:password@ is refused (no credentials are ever sent). "
                    + "Event fields: docs/export.md.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--webhook-wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "At the end of the run, wait at most this long for webhook events still queued (default ${DEFAULT-VALUE}).")
    int waitSeconds;

    private WebhookSender sender;

    private NetworkGuard guard;
    private final List<WebhookTarget> targets = new ArrayList<>();

    /**
     * Checks the URLs before anything is opened or captured: one with credentials, of another
     * scheme, or refused by the network guard is bad usage (exit 2).
     */
    void check(boolean allowPrivateNetwork) {
        if (urls.isEmpty()) return;
        if (waitSeconds < 0) throw new UsageException("--webhook-wait must be 0 or more seconds, was " + waitSeconds);
        guard = new NetworkGuard(allowPrivateNetwork);
        for (String url : urls) {
            WebhookTarget target;
            try {
                target = WebhookTarget.parse(url);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
            try {
                guard.check(target.uri());
            } catch (FetchException e) {
                // Not the refusal as cause: its message holds the whole URL, and a receiver's token with it.
                throw new UsageException("--webhook refused: " + target.hidden(e.getMessage()));
            }
            targets.add(target);
        }
    }

    /** The run's listener: {@code report}, and the webhook events when URLs were given and {@link #check checked}. */
    TrackListener listening(TrackListener report, Store store, List<TermsJob> jobs, PrintStream warnings) {
        if (targets.isEmpty()) return report;
        Map<TermsKey, List<String>> declared = new HashMap<>();
        for (TermsJob job : jobs) {
            declared.put(job.key(), job.terms().sourceDocuments().stream().map(d -> d.location().toString()).toList());
        }
        sender = new WebhookSender(targets, guard, WebhookSender.Settings.defaults(Duration.ofSeconds(waitSeconds)), warnings,
                AgentVersion.current());
        WebhookNotifier webhooks = new WebhookNotifier(sender, store, declared, AgentVersion.current());
        TrackListener changesOut = new TrackListener() {
            @Override
            public void termsFinished(TermsOutcome outcome) {
                webhooks.termsFinished(outcome);
            }
        };
        return TrackListener.all(List.of(report, changesOut));
    }

    /** Waits the bounded time for events still queued, and says on stderr what was not delivered. */
    void finish(PrintStream err) {
        if (sender == null) return;
        WebhookDelivery delivery = sender.finish();
        if (!delivery.complete()) {
            err.printf("clausecam: webhook events: %d delivered, %d failed, %d dropped (queue full), %d not sent when the run "
                    + "stopped waiting (--webhook-wait %d)%n", delivery.sent(), delivery.failed(), delivery.dropped(),
                    delivery.undelivered(), waitSeconds);
        }
    }
}
