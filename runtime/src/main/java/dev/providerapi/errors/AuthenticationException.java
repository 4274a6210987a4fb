package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** The credentials were missing, wrong or not allowed (401, 403). */
public class AuthenticationException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * An authentication failure.
   *
   * @param details what is known of the failed call
   * @param cause the underlying failure, or null
   */
  public AuthenticationException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.AUTHENTICATION, details, cause);
  }
}
