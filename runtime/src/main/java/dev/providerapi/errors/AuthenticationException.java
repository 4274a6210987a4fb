package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** The credentials were missing, wrong or not allowed (401, 403). */
public class AuthenticationException extends ProviderException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.AUTHENTICATION, details, cause);
  }
}
