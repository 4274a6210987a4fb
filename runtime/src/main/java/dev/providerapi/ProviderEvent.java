package dev.providerapi;

import dev.providerapi.errors.ErrorKind;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a provider client reports to its {@link ProviderListener}. Every event names the provider (its
 * provider.yaml name) and, where it concerns one call, the spec's operationId. Events carry no credentials:
 * header values are redacted the same way log lines are.
 */
public sealed interface ProviderEvent {
  /**
   * The provider's name, as in its provider.yaml.
   *
   * @return the name
   */
  String provider();

  /**
   * One HTTP exchange finished: {@code status} 0 when no response arrived, {@code error} null on success.
   *
   * @param provider the provider's name
   * @param operation the operation id
   * @param method the HTTP method
   * @param status the HTTP status; 0 when no response arrived
   * @param error the failure's kind; null on success
   * @param duration how long the exchange took
   */
  record Attempt(String provider, String operation, String method, int status, @Nullable ErrorKind error,
      Duration duration) implements ProviderEvent {}

  /**
   * A failed attempt will be repeated after {@code delay}; {@code attempt} is the one that failed (1 = first).
   *
   * @param provider the provider's name
   * @param operation the operation id
   * @param attempt the attempt that failed (1 = first)
   * @param delay the wait before the next attempt
   * @param cause the failure's kind
   * @param status the HTTP status of the failed attempt; 0 when no response arrived
   */
  record Retry(String provider, String operation, int attempt, Duration delay, ErrorKind cause, int status)
      implements ProviderEvent {}

  /**
   * A request waited {@code waited} for the client-side rate limit or a 429 pause before it was sent.
   *
   * @param provider the provider's name
   * @param operation the operation id
   * @param waited how long the request waited
   */
  record RateLimitWait(String provider, String operation, Duration waited) implements ProviderEvent {}

  /**
   * The provider answered 429; {@code retryAfter} is its Retry-After, when it sent one.
   *
   * @param provider the provider's name
   * @param operation the operation id
   * @param retryAfter the provider's Retry-After; null if it sent none
   */
  record RateLimited(String provider, String operation, @Nullable Duration retryAfter) implements ProviderEvent {}

  /**
   * The circuit breaker opened (calls now fail fast without being sent) or closed again.
   *
   * @param provider the provider's name
   * @param open true when it opened, false when it closed
   */
  record CircuitChange(String provider, boolean open) implements ProviderEvent {}

  /**
   * The provider marked an operation deprecated (Deprecation / Sunset headers); reported once per operation.
   *
   * @param provider the provider's name
   * @param operation the operation id
   * @param deprecation the Deprecation header's value; null if absent
   * @param sunset the Sunset header's value; null if absent
   */
  record Deprecation(String provider, String operation, @Nullable String deprecation, @Nullable String sunset)
      implements ProviderEvent {}

  /**
   * A launch finished; {@code clientToken} is the tag it was made with.
   *
   * @param provider the provider's name
   * @param clientToken the launch's client token
   * @param outcome how it ended
   * @param duration how long the whole launch took
   */
  record Launch(String provider, String clientToken, LaunchOutcome outcome, Duration duration)
      implements ProviderEvent {}

  /** How a launch ended. */
  enum LaunchOutcome {
    /** The create answered with the instance. */
    CREATED,
    /** The create failed ambiguously and the client-token lookup found the instance. */
    RESOLVED_BY_TOKEN,
    /** The launch failed and nothing was created (or what was created was cleaned up). */
    FAILED,
    /** The launch failed ambiguously and no lookup found the instance: it may exist. */
    OUTCOME_UNKNOWN
  }
}
