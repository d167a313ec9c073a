package org.clausecam.fetch;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one host gets around each fetch of one of its documents, outermost first (the order
 * Resilience4j recommends, except that the breaker goes inside the gate): a retry of transient
 * failures with exponential backoff and jitter, waiting at least as long as a {@code Retry-After}
 * asked (up to a cap); the {@link PolitenessGate}; and a circuit breaker that skips the host once
 * it keeps failing. Backoff waits happen
 * outside the gate, so other documents of the host may go meanwhile. Once the breaker opens, no
 * further request reaches the host, not even from calls already queued at the gate.
 */
public final class HostPolicy {

    private final String host;
    private final FetchPolicySettings settings;
    private final FetchTally tally;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final PolitenessGate gate;
    private volatile long openedAt; // System.nanoTime() of the breaker's last opening

    HostPolicy(String host, FetchPolicySettings settings, FetchTally tally) {
        this.host = host;
        this.settings = settings;
        this.tally = tally;
        this.retry = Retry.of("fetch " + host, retryConfig(settings));
        this.breaker = CircuitBreaker.of("fetch " + host, breakerConfig(settings));
        this.gate = new PolitenessGate(host, settings.maxInFlightPerHost(), settings.minDelayPerHost());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = System.nanoTime();
            }
        });
    }

    public String host() {
        return host;
    }

    /**
     * Whether this host's documents are being skipped because it kept failing. Once the open period
     * is over this turns false, so that the next call reaches the breaker and, half-open, tries the host.
     */
    public boolean skipping() {
        return breaker.getState() == CircuitBreaker.State.OPEN
                && System.nanoTime() - openedAt < settings.breakerOpenFor().toNanos();
    }

    /**
     * Fetches one document of this host, retrying transient failures.
     *
     * @param followUp whether this is the browser asking again for a document the caller has just
     *                 fetched: its first try then skips the politeness delay if no other request
     *                 reached the host since the caller's own; retries wait as usual
     * @throws HostSkippedException when the host kept failing and is skipped for now
     * @throws FetchException       the failure that ended the tries; after more than one try its
     *                              message says how many, and it keeps the kind of the last one
     */
    public FetchedDocument call(URI url, FetchAttempt attempt, boolean followUp) throws FetchException {
        AtomicInteger tries = new AtomicInteger();
        CheckedSupplier<FetchedDocument> counted = () -> {
            if (tries.incrementAndGet() > 1) {
                tally.retried(host);
            }
            tally.attemptStarted(host);
            try {
                return attempt.fetch();
            } catch (FetchException e) {
                lastFailure = reason(e);
                throw e;
            } finally {
                tally.attemptEnded(host);
            }
        };
        // The breaker sits inside the gate so that a call queued at the gate while the host was
        // being given up on sends nothing, and so that each outcome is recorded before the next
        // call to the host gets its turn.
        CheckedSupplier<FetchedDocument> guarded = CircuitBreaker.decorateCheckedSupplier(breaker, counted);
        CheckedSupplier<FetchedDocument> polite = () -> {
            if (skipping()) {
                throw skipped(url, null); // fail fast instead of queueing for a turn that would be refused
            }
            return gate.through(url, () -> rethrown(url, guarded), followUp && tries.get() == 0);
        };
        CheckedSupplier<FetchedDocument> retried = Retry.decorateCheckedSupplier(retry, polite);
        try {
            return rethrown(url, retried);
        } catch (HostSkippedException skipped) {
            tally.skipped(host);
            throw skipped;
        } catch (NoPageFreeException e) {
            throw e;
        } catch (FetchException e) {
            throw explained(e, tries.get());
        }
    }

    private FetchedDocument rethrown(URI url, CheckedSupplier<FetchedDocument> call) throws FetchException {
        try {
            return call.get();
        } catch (CallNotPermittedException open) {
            throw skipped(url, open);
        } catch (FetchException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable unexpected) {
            throw new IllegalStateException("fetch attempt for " + url + " threw a checked exception it does not declare",
                    unexpected);
        }
    }

    /** Why the host's last attempt failed, so that skipped documents say what went wrong. */
    private volatile String lastFailure;

    private HostSkippedException skipped(URI url, CallNotPermittedException open) {
        return new HostSkippedException(url, host, breakerState(), open);
    }

    private FetchException explained(FetchException last, int tries) {
        Optional<Duration> tooLong = retryAfterBeyondCap(last);
        if (tooLong.isPresent()) {
            return new FetchException(last.url(), last.kind(), "not retried: the server asked to wait "
                    + tooLong.get().toSeconds() + " s, more than the " + settings.maxRetryAfter().toSeconds()
                    + " s allowed; " + reason(last), last);
        }
        if (tries <= 1) {
            return last;
        }
        return new FetchException(last.url(), last.kind(), "gave up after " + tries + " attempts; last: " + reason(last), last);
    }

    private String breakerState() {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        return Math.round(metrics.getFailureRate()) + "% of its last " + metrics.getNumberOfBufferedCalls()
                + " attempts failed; not tried again for " + settings.breakerOpenFor().toMinutes() + " min"
                + (lastFailure != null ? "; last: " + lastFailure : "");
    }

    /** The exception's message without the {@code url: } prefix that FetchException adds. */
    static String reason(FetchException e) {
        String message = e.getMessage();
        String prefix = e.url() + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private Optional<Duration> retryAfterBeyondCap(Throwable failure) {
        if (failure instanceof FetchException http) {
            return http.retryAfter().filter(delay -> delay.compareTo(settings.maxRetryAfter()) > 0);
        }
        return Optional.empty();
    }

    private RetryConfig retryConfig(FetchPolicySettings s) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                s.initialBackoff(), s.backoffMultiplier(), s.jitter(), s.maxBackoff());
        IntervalBiFunction<FetchedDocument> wait = (attempt, outcome) -> {
            long millis = backoff.apply(attempt);
            if (outcome.isLeft() && outcome.getLeft() instanceof FetchException http
                    && http.retryAfter().isPresent()) {
                millis = Math.max(millis, http.retryAfter().get().toMillis());
            }
            return Math.max(1, millis);
        };
        return RetryConfig.<FetchedDocument>custom()
                .maxAttempts(s.maxAttempts())
                .intervalBiFunction(wait)
                .retryOnException(failure -> failure instanceof FetchException fetch
                        && fetch.kind() == FetchException.Kind.TRANSIENT
                        && !(failure instanceof HostSkippedException)
                        && retryAfterBeyondCap(failure).isEmpty())
                .build();
    }

    private static CircuitBreakerConfig breakerConfig(FetchPolicySettings s) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.breakerWindow())
                .minimumNumberOfCalls(s.breakerWindow())
                .failureRateThreshold(s.breakerFailureRate())
                .waitDurationInOpenState(s.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // A host that answers 404 is healthy; one that times out or bot-walls us is not.
                .recordException(failure -> failure instanceof FetchException fetch
                        && (fetch.kind() == FetchException.Kind.TRANSIENT || fetch.kind() == FetchException.Kind.BLOCKED))
                // Waiting for a browser page and programming errors say nothing about the host.
                .ignoreException(failure -> !(failure instanceof FetchException)
                        || failure instanceof NoPageFreeException || failure instanceof HostSkippedException)
                .build();
    }
}
