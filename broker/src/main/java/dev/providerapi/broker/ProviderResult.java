package dev.providerapi.broker;

import dev.providerapi.errors.ProviderException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one provider answered to one fleet-wide call: its value and how long it took, or the typed error, or
 * that it did not answer within its deadline. Immutable, safe to share between threads.
 *
 * @param provider the provider's name
 * @param outcome how the call ended
 * @param value what the call returned; null unless the outcome is OK (and null when the call returned null)
 * @param error the exception; null exactly when the outcome is OK
 * @param elapsed the time from the fleet call's start to this provider's answer (or to giving up on it)
 * @param <T> what the call returns
 */
public record ProviderResult<T>(String provider, Outcome outcome, @Nullable T value, @Nullable Throwable error,
    Duration elapsed) {

  /** How the call ended. */
  public enum Outcome {
    /** The provider answered; {@link #value()} is its answer. */
    OK,
    /** The provider threw; {@link #error()} is the exception (a {@link ProviderException} when typed). */
    FAILED,
    /** No answer within the provider's deadline; the call was cancelled. {@link #error()} says which deadline. */
    TIMED_OUT
  }

  /**
   * Checks that an OK result has no error and a failed or timed-out one has one.
   *
   * @param provider the provider's name
   * @param outcome how the call ended
   * @param value what the call returned, or null
   * @param error the exception, or null for OK
   * @param elapsed the time from the call's start to the answer
   * @throws IllegalArgumentException when the error does not fit the outcome
   */
  public ProviderResult {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(elapsed, "elapsed");
    if (outcome == Outcome.OK ? error != null : error == null) {
      throw new IllegalArgumentException("an OK result has no error and a failed one has one: " + outcome);
    }
  }

  static <T> ProviderResult<T> ok(String provider, T value, Duration elapsed) {
    return new ProviderResult<>(provider, Outcome.OK, value, null, elapsed);
  }

  static <T> ProviderResult<T> failed(String provider, Throwable error, Duration elapsed) {
    return new ProviderResult<>(provider, Outcome.FAILED, null, error, elapsed);
  }

  static <T> ProviderResult<T> timedOut(String provider, Duration deadline, Duration elapsed) {
    return new ProviderResult<>(provider, Outcome.TIMED_OUT, null,
        new ProviderDeadlineException(provider, deadline), elapsed);
  }

  /**
   * Whether the provider answered.
   *
   * @return true when the outcome is OK
   */
  public boolean ok() {
    return outcome == Outcome.OK;
  }

  /**
   * The typed provider error, when the call failed with one.
   *
   * @return the {@link ProviderException}, or empty when the call was ok, timed out or failed untyped
   */
  public Optional<ProviderException> providerError() {
    return error instanceof ProviderException p ? Optional.of(p) : Optional.empty();
  }

  /**
   * One line for people: {@code ok in 120 ms}, or the error's type and message.
   *
   * @return the line, without a trailing newline
   */
  public String describe() {
    return switch (outcome) {
      case OK -> "ok in " + elapsed.toMillis() + " ms";
      case FAILED, TIMED_OUT -> error.getClass().getSimpleName() + ": " + error.getMessage();
    };
  }
}
