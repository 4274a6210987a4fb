package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** The provider failed or could not be reached (5xx, network); no proof that nothing was applied. */
public class ProviderUnavailableException extends ProviderException {
  private static final long serialVersionUID = 1L;

  public ProviderUnavailableException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.PROVIDER_UNAVAILABLE, details, cause);
  }
}
