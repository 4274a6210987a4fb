package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** The provider asked us to slow down (429); {@link #retryAfter()} holds its Retry-After when it sent one. */
public class RateLimitedException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * A rate-limit refusal.
   *
   * @param details what is known of the failed call, with the Retry-After in {@code retryAfter} if sent
   * @param cause the underlying failure, or null
   */
  public RateLimitedException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.RATE_LIMITED, details, cause);
  }
}
