package dev.providerapi.broker;

import java.time.Duration;

/** A provider did not answer a fleet-wide call within its own deadline; the call was cancelled. */
public final class ProviderDeadlineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The provider's name. */
  private final String provider;
  /** The deadline the provider missed. */
  private final Duration deadline;

  /**
   * The exception for {@code provider}'s missed {@code deadline}.
   *
   * @param provider the provider's name
   * @param deadline the deadline it missed
   */
  public ProviderDeadlineException(String provider, Duration deadline) {
    super(provider + ": no answer within " + deadline.toMillis() + " ms; the call was cancelled");
    this.provider = provider;
    this.deadline = deadline;
  }

  /**
   * The provider that did not answer.
   *
   * @return the provider's name
   */
  public String provider() {
    return provider;
  }

  /**
   * The deadline it missed.
   *
   * @return the provider's deadline, counted from the call's start
   */
  public Duration deadline() {
    return deadline;
  }
}
