package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/**
 * A launch failed ambiguously and no instance carrying its client token could be found afterwards. The
 * launch was not retried, so at most one instance exists: look for {@link #clientToken()} before launching
 * again.
 */
public class LaunchOutcomeUnknownException extends ProviderUnavailableException {
  private static final long serialVersionUID = 1L;

  /** The client token the launch tagged its instance with. */
  private final String clientToken;

  /**
   * A launch of unknown outcome.
   *
   * @param details what is known of the failed launch call
   * @param clientToken the client token the launch tagged its instance with
   * @param cause the ambiguous failure, or null
   */
  public LaunchOutcomeUnknownException(ErrorDetails details, String clientToken, @Nullable Throwable cause) {
    super(details, cause);
    this.clientToken = clientToken;
  }

  /**
   * The client token to look for before launching again.
   *
   * @return the launch's client token
   */
  public String clientToken() {
    return clientToken;
  }
}
