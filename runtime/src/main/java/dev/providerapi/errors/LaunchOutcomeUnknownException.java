package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/**
 * A launch failed ambiguously and no instance carrying its client token could be found afterwards. The
 * launch was not retried, so at most one instance exists: look for {@link #clientToken()} before launching
 * again.
 */
public class LaunchOutcomeUnknownException extends ProviderUnavailableException {
  private static final long serialVersionUID = 1L;

  private final String clientToken;

  public LaunchOutcomeUnknownException(ErrorDetails details, String clientToken, @Nullable Throwable cause) {
    super(details, cause);
    this.clientToken = clientToken;
  }

  public String clientToken() {
    return clientToken;
  }
}
