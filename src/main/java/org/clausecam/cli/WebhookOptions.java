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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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

    /**
     * The run's listener: {@code report}, and the webhook events when URLs were given. Checks the
     * URLs first, so that a refused one is bad usage (exit 2) before anything is captured.
     */
    TrackListener listening(TrackListener report, Store store, List<TermsJob> jobs, boolean allowPrivateNetwork, PrintStream warnings) {
        if (urls.isEmpty()) return report;
        if (waitSeconds < 0) throw new UsageException("--webhook-wait must be 0 or more seconds, was " + waitSeconds);
        NetworkGuard guard = new NetworkGuard(allowPrivateNetwork);
        List<WebhookTarget> targets = new ArrayList<>();
        for (String url : urls) {
            WebhookTarget target;
            try {
                target = WebhookTarget.parse(url);
                guard.check(target.uri());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            } catch (FetchException e) {
                throw new UsageException("--webhook refused: " + e.getMessage(), e);
            }
            targets.add(target);
        }
        Map<TermsKey, List<String>> declared = new HashMap<>();
        for (TermsJob job : jobs) {
            declared.put(job.key(), job.terms().sourceDocuments().stream().map(d -> d.location().toString()).toList());
        }
        sender = new WebhookSender(targets, guard, WebhookSender.Settings.defaults(Duration.ofSeconds(waitSeconds)), warnings,
                AgentVersion.current());
        WebhookNotifier webhooks = new WebhookNotifier(sender, store, declared, AgentVersion.current());
        return alsoTelling(report, webhooks);
    }

    /**
     * {@code report} with every call, and {@code webhooks} with the finished terms. A proxy rather
     * than a class that overrides each method, so that a method added to {@link TrackListener}
     * later still reaches the report.
     */
    private static TrackListener alsoTelling(TrackListener report, WebhookNotifier webhooks) {
        return (TrackListener) Proxy.newProxyInstance(TrackListener.class.getClassLoader(), new Class<?>[] {TrackListener.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(report, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("termsFinished") && args != null && args.length == 1
                            && args[0] instanceof TermsOutcome outcome) {
                        webhooks.termsFinished(outcome);
                    }
                    return result;
                });
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
