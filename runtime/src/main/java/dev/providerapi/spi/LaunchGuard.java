package dev.providerapi.spi;

import dev.providerapi.ProviderEvent;
import dev.providerapi.ProviderEvent.LaunchOutcome;
import dev.providerapi.ProviderListener;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.LaunchOutcomeUnknownException;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.errors.RateLimitedException;
import dev.providerapi.errors.UnexpectedResponseException;
import dev.providerapi.http.Deadline;
import dev.providerapi.http.Sleeper;
import dev.providerapi.http.internal.Backoff;
import dev.providerapi.http.internal.CallScope;
import dev.providerapi.http.internal.NotSentProof;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches at most one instance per client token. Money is at stake, so a launch is repeated only when the
 * failure proves nothing was created (429, connection refused); an ambiguous failure (timeout, 5xx, an
 * unreadable success) is resolved by looking the token up, never by a second create. If the lookups find
 * several instances with the token, the oldest is kept and the others terminated. Lookups and those
 * terminates are sent even while the provider's circuit breaker is open.
 */
public final class LaunchGuard {
  private static final Logger LOG = LoggerFactory.getLogger(LaunchGuard.class);

  private final String provider;
  private final Function<LaunchRequest, Instance> create;
  private final Function<String, List<Instance>> findByToken;
  private final Consumer<String> terminate;
  private final Settings settings;
  private final Sleeper sleeper;
  private final ProviderListener listener;

  /**
   * How hard a launch tries: create attempts, token lookups and the launch's deadline.
   *
   * @param maxAttempts creates tried when each failure proves nothing was applied, the first included
   * @param retryBaseDelay backoff before such a retry when the provider gives no Retry-After
   * @param maxRetryAfter a longer Retry-After is not waited: the RateLimitedException surfaces
   * @param lookups how many times an ambiguous failure looks the token up
   * @param lookupInterval the wait before each lookup (instances take a moment to be listed)
   * @param launchTimeout the whole launch's deadline: create attempts, waits and lookups
   */
  public record Settings(int maxAttempts, Duration retryBaseDelay, Duration maxRetryAfter, int lookups,
      Duration lookupInterval, Duration launchTimeout) {
    /**
     * Checks the settings.
     *
     * @param maxAttempts creates tried when each failure proves nothing was applied; at least 1
     * @param retryBaseDelay backoff before such a retry
     * @param maxRetryAfter the longest Retry-After that is waited
     * @param lookups how many times an ambiguous failure looks the token up; at least 1
     * @param lookupInterval the wait before each lookup
     * @param launchTimeout the whole launch's deadline; positive
     * @throws IllegalArgumentException if {@code maxAttempts} or {@code lookups} is below 1 or
     *     {@code launchTimeout} is not positive
     */
    public Settings {
      if (maxAttempts < 1 || lookups < 1) {
        throw new IllegalArgumentException("maxAttempts and lookups must be at least 1");
      }
      if (launchTimeout.isNegative() || launchTimeout.isZero()) {
        throw new IllegalArgumentException("launchTimeout must be positive, was " + launchTimeout);
      }
    }

    /**
     * With the default launch deadline of 5 minutes.
     *
     * @param maxAttempts creates tried when each failure proves nothing was applied; at least 1
     * @param retryBaseDelay backoff before such a retry
     * @param maxRetryAfter the longest Retry-After that is waited
     * @param lookups how many times an ambiguous failure looks the token up; at least 1
     * @param lookupInterval the wait before each lookup
     */
    public Settings(int maxAttempts, Duration retryBaseDelay, Duration maxRetryAfter, int lookups,
        Duration lookupInterval) {
      this(maxAttempts, retryBaseDelay, maxRetryAfter, lookups, lookupInterval, Duration.ofMinutes(5));
    }

    /**
     * Settings with 3 lookups 2 s apart and a 5-minute launch deadline.
     *
     * @param maxAttempts creates tried when each failure proves nothing was applied
     * @param retryBaseDelay backoff before such a retry
     * @param maxRetryAfter the longest Retry-After that is waited
     * @return the settings
     */
    public static Settings defaults(int maxAttempts, Duration retryBaseDelay, Duration maxRetryAfter) {
      return new Settings(maxAttempts, retryBaseDelay, maxRetryAfter, 3, Duration.ofSeconds(2));
    }
  }

  /**
   * A guard that reports to no listener.
   *
   * @param provider the provider's name
   * @param create sends one create
   * @param findByToken lists the instances carrying a client token
   * @param terminate terminates an instance by id
   * @param settings retry, lookup and deadline settings
   * @param sleeper waits between attempts and lookups
   */
  public LaunchGuard(String provider, Function<LaunchRequest, Instance> create,
      Function<String, List<Instance>> findByToken, Consumer<String> terminate, Settings settings, Sleeper sleeper) {
    this(provider, create, findByToken, terminate, settings, sleeper, ProviderListener.NONE);
  }

  /**
   * A guard for one provider.
   *
   * @param provider the provider's name
   * @param create sends one create
   * @param findByToken lists the instances carrying a client token
   * @param terminate terminates an instance by id
   * @param settings retry, lookup and deadline settings
   * @param sleeper waits between attempts and lookups
   * @param listener receives the launch's events
   */
  public LaunchGuard(String provider, Function<LaunchRequest, Instance> create,
      Function<String, List<Instance>> findByToken, Consumer<String> terminate, Settings settings, Sleeper sleeper,
      ProviderListener listener) {
    this.listener = listener;
    this.provider = provider;
    this.create = create;
    this.findByToken = findByToken;
    this.terminate = terminate;
    this.settings = settings;
    this.sleeper = sleeper;
  }

  /**
   * Launches under {@link Settings#launchTimeout()}: every call it makes (creates, lookups) is bounded by what
   * is left of it, and so are the waits between them.
   *
   * @param request the launch request, with its client token
   * @return the one instance created for the token
   * @throws ProviderException when the launch failed, or {@link LaunchOutcomeUnknownException} when it failed
   *     ambiguously and no instance with the token was found
   */
  public Instance launch(LaunchRequest request) {
    long start = System.nanoTime();
    Deadline deadline = Deadline.after(settings.launchTimeout()).boundedByCurrent();
    LaunchOutcome outcome = LaunchOutcome.FAILED;
    try {
      boolean[] resolvedByToken = {false};
      Instance instance = Deadline.within(deadline, () -> launchWithin(request, deadline, resolvedByToken));
      outcome = resolvedByToken[0] ? LaunchOutcome.RESOLVED_BY_TOKEN : LaunchOutcome.CREATED;
      return instance;
    } catch (LaunchOutcomeUnknownException e) {
      outcome = LaunchOutcome.OUTCOME_UNKNOWN;
      throw e;
    } finally {
      ProviderListener.emit(listener, new ProviderEvent.Launch(provider, request.clientToken(), outcome,
          Duration.ofNanos(System.nanoTime() - start)));
    }
  }

  private Instance launchWithin(LaunchRequest request, Deadline deadline, boolean[] resolvedByToken) {
    for (int attempt = 1; ; attempt++) {
      try {
        return create.apply(request);
      } catch (ProviderException e) {
        if (provesNothingApplied(e)) {
          if (attempt >= settings.maxAttempts() || waitsTooLong(e)) {
            throw e;
          }
          Duration wait = e.retryAfter().orElse(Backoff.delay(settings.retryBaseDelay(), attempt));
          LOG.debug("{} launch {} not applied ({}); retrying in {} ms", provider, request.clientToken(),
              e.getMessage(), wait.toMillis());
          if (wait.compareTo(deadline.remaining()) >= 0 || !pause(wait)) {
            throw e; // nothing was applied, so the caller may try again later
          }
          continue;
        }
        if (isAmbiguous(e)) {
          return resolve(request, e, deadline, resolvedByToken);
        }
        throw e;
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        throw e; // the caller's request was refused before anything was sent
      } catch (RuntimeException e) {
        // An adapter that failed on the answer (a null id, a missing member) may have created the instance:
        // that is an unreadable success, resolved by the token like any other, never a leak.
        return resolve(request, deadline, resolvedByToken, new UnexpectedResponseException(new ErrorDetails(provider, "launch", 0, null,
            "the launch answer could not be read: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null, false, null), e));
      }
    }
  }

  /** 429 (the provider turned the call away) or a connection that never carried the request. */
  static boolean provesNothingApplied(ProviderException e) {
    if (e instanceof RateLimitedException) {
      return e.isRetryable();
    }
    return e.httpStatus() == 0 && NotSentProof.provesNotSent(e.getCause());
  }

  /** The provider may have created the instance: 5xx, no response, or a success we could not read. */
  static boolean isAmbiguous(ProviderException e) {
    return e.kind() == ErrorKind.PROVIDER_UNAVAILABLE
        || (e.kind() == ErrorKind.UNEXPECTED_RESPONSE && (e.httpStatus() == 0 || e.httpStatus() < 300));
  }

  private boolean waitsTooLong(ProviderException e) {
    return e.retryAfter().map(d -> d.compareTo(settings.maxRetryAfter()) > 0).orElse(false);
  }

  private Instance resolve(LaunchRequest request, Deadline deadline, boolean[] resolvedByToken,
      ProviderException failure) {
    return resolve(request, failure, deadline, resolvedByToken);
  }

  private Instance resolve(LaunchRequest request, ProviderException failure, Deadline deadline,
      boolean[] resolvedByToken) {
    String token = request.clientToken();
    LOG.warn("{} launch {} failed ambiguously ({}); looking the client token up instead of launching again",
        provider, token, failure.getMessage());
    int lookups = 0;
    boolean outOfTime = false;
    for (int i = 1; i <= settings.lookups(); i++) {
      if (settings.lookupInterval().compareTo(deadline.remaining()) >= 0) {
        outOfTime = true;
        break;
      }
      if (!pause(settings.lookupInterval())) {
        break;
      }
      lookups++;
      List<Instance> found;
      try {
        // Past an open circuit breaker: the failure that opened it may be this very create, and the lookup is
        // how the instance it made is found instead of left billing.
        found = CallScope.pastOpenBreaker(() -> findByToken.apply(token));
      } catch (ProviderException lookupFailure) {
        LOG.warn("{} lookup {} of {} for client token {} failed: {}", provider, i, settings.lookups(), token,
            lookupFailure.getMessage());
        continue;
      }
      if (!found.isEmpty()) {
        resolvedByToken[0] = true;
        return keepOldest(token, found);
      }
    }
    ErrorDetails d = failure.details();
    throw new LaunchOutcomeUnknownException(new ErrorDetails(provider, d.operation(), d.httpStatus(),
        d.providerCode(), "launch failed ambiguously (" + d.describe() + ") and no instance tagged with client token "
            + token + " was found after " + lookups + " lookup(s)"
            + (outOfTime ? " (the launch deadline of " + settings.launchTimeout().toMillis() + " ms left no time for more)" : "")
            + "; it was not retried, so look the token up before launching again", d.requestId(), false, null),
        token, failure);
  }

  private Instance keepOldest(String token, List<Instance> found) {
    List<Instance> sorted = new ArrayList<>(found);
    // Oldest first; instances without a creation time keep their listed order after dated ones.
    sorted.sort(Comparator.comparing(Instance::createdAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
    Instance keep = sorted.get(0);
    for (Instance extra : sorted.subList(1, sorted.size())) {
      LOG.warn("{}: {} instances carry client token {}; keeping {} and terminating duplicate {}", provider,
          sorted.size(), token, keep.id(), extra.id());
      try {
        CallScope.pastOpenBreaker(() -> {
          terminate.accept(extra.id());
          return null;
        });
      } catch (RuntimeException e) {
        LOG.error("{}: could not terminate duplicate instance {} (client token {}): {}; terminate it by hand",
            provider, extra.id(), token, e.getMessage());
      }
    }
    return keep;
  }

  /** False when interrupted (the flag is restored); the caller then reports what it knows and stops. */
  private boolean pause(Duration d) {
    try {
      sleeper.sleep(d);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
