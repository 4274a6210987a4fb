package dev.providerapi.broker;

import java.time.Duration;

/** A provider did not answer a fleet-wide call within its own deadline; the call was cancelled. */
public final class ProviderDeadlineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final Duration deadline;

  public ProviderDeadlineException(String provider, Duration deadline) {
    super(provider + ": no answer within " + deadline.toMillis() + " ms; the call was cancelled");
    this.provider = provider;
    this.deadline = deadline;
  }

  public String provider() {
    return provider;
  }

  public Duration deadline() {
    return deadline;
  }
}
