package dev.providerapi.errors;

import org.jspecify.annotations.Nullable;

/** The provider rejected the request as malformed or invalid (400, 422). */
public class InvalidRequestException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * A rejected request.
   *
   * @param details what is known of the failed call
   * @param cause the underlying failure, or null
   */
  public InvalidRequestException(ErrorDetails details, @Nullable Throwable cause) {
    super(ErrorKind.INVALID_REQUEST, details, cause);
  }
}
