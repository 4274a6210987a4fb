package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** The provider failed or could not be reached (5xx, network); no proof that nothing was applied. */
public class ProviderUnavailableException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * An unavailable provider or failed connection.
   *
   * @param details what is known of the failed call
   * @param cause the underlying failure, or null
   */
  public ProviderUnavailableException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.PROVIDER_UNAVAILABLE, details, cause);
  }
}
